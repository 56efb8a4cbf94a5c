import assert from 'node:assert/strict';
import sinon from 'sinon';
import { CloudAdapter, TurnContext } from 'botbuilder';
import { Messenger, RetryPolicy } from '../../src/bot/messenger';
import { silentLogger } from '../../src/log';

const reach = { conversationId: 'a:1', serviceUrl: 'https://smba.example/', tenantId: 't', botId: '28:bot' };

function connectorError(statusCode: number, code?: string, retryAfter?: string) {
  return Object.assign(new Error(code ?? `HTTP ${statusCode}`), {
    statusCode,
    code,
    response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } },
  });
}

describe('Messenger', () => {
  const sandbox = sinon.createSandbox();
  let sleeps: number[];
  let retry: RetryPolicy;
  let send: sinon.SinonStub;
  let adapter: CloudAdapter;

  beforeEach(() => {
    sleeps = [];
    retry = {
      attempts: 4,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 1,
    };
    send = sandbox.stub();
    adapter = {
      continueConversationAsync: sandbox
        .stub()
        .callsFake(async (_id, _ref, logic: (c: TurnContext) => Promise<void>) => {
          await logic({ sendActivity: send } as unknown as TurnContext);
        }),
    } as unknown as CloudAdapter;
  });
  afterEach(() => sandbox.restore());

  it('reports sent with the activity id', async () => {
    send.resolves({ id: 'act-1' });
    const outcome = await new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });
    assert.deepEqual(outcome, { status: 'sent', activityId: 'act-1' });
  });

  it('reports a person who blocked the bot as unreachable, without retrying', async () => {
    send.rejects(connectorError(403, 'ConversationBlockedByUser'));
    const outcome = await new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });
    assert.deepEqual(outcome, { status: 'unreachable', reason: 'ConversationBlockedByUser' });
    assert.equal(send.callCount, 1);
  });

  it('reports a conversation that no longer exists as unreachable', async () => {
    send.rejects(connectorError(404, 'ConversationNotFound'));
    const outcome = await new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });
    assert.equal(outcome.status, 'unreachable');
  });

  it('retries a throttled send, honouring Retry-After, then succeeds', async () => {
    send.onFirstCall().rejects(connectorError(429, 'Throttled', '3'));
    send.onSecondCall().rejects(connectorError(502));
    send.onThirdCall().resolves({ id: 'act-2' });
    const outcome = await new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });
    assert.deepEqual(outcome, { status: 'sent', activityId: 'act-2' });
    assert.deepEqual(sleeps, [3000, 200], 'Retry-After first, then exponential backoff');
  });

  it('gives up after the last attempt and says it failed', async () => {
    send.rejects(connectorError(503));
    const outcome = await new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });
    assert.deepEqual(outcome, { status: 'failed', reason: 'HTTP 503' });
    assert.equal(send.callCount, 4);
    assert.deepEqual(sleeps, [100, 200, 400]);
  });

  it('does not retry a request Teams refuses for good (400)', async () => {
    send.rejects(connectorError(400, 'BadArgument'));
    const outcome = await new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });
    assert.deepEqual(outcome, { status: 'failed', reason: 'BadArgument' });
    assert.equal(send.callCount, 1);
  });
});
