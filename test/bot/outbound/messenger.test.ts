import assert from 'node:assert/strict';
import sinon from 'sinon';
import { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { Messenger } from '../../../src/bot/outbound/messenger';
import { RetryPolicy } from '../../../src/delivery/send-retry';
import { RateLimiter, SendLimiter } from '../../../src/delivery/rate-limiter';
import { TestClock } from '../../support/test-clock';
import { capturedLog } from '../../support/captured-log';
import { TelemetryRecorder } from '../../support/telemetry-recorder';
import { silentLogger } from '../../../src/log';
import { metricNames } from '../../../src/telemetry/telemetry';

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
    // what CloudAdapter hands a proactive turn: the conversation, and a connector client for it
    const connectorClientKey = Symbol('ConnectorClient');
    adapter = {
      ConnectorClientKey: connectorClientKey,
      continueConversationAsync: sandbox
        .stub()
        .callsFake(
          async (_id, reference: ConversationReference, logic: (c: TurnContext) => Promise<void>) => {
            await logic({
              adapter,
              activity: { ...reference, type: 'event', recipient: reference.bot },
              turnState: new Map([[connectorClientKey, { conversations: { sendToConversation: send } }]]),
            } as unknown as TurnContext);
          },
        ),
    } as unknown as CloudAdapter;
  });
  afterEach(() => sandbox.restore());

  /** a Messenger without a rate limiter sends "hi" to the person */
  const sayHi = () => new Messenger(adapter, 'app', silentLogger, retry).send(reach, { text: 'hi' });

  it('reports sent with the activity id', async () => {
    send.resolves({ id: 'act-1' });
    const outcome = await sayHi();
    assert.deepEqual(outcome, { status: 'sent', activityId: 'act-1' });
  });

  it('posts to the person’s conversation with a deadline on the call', async () => {
    send.resolves({ id: 'act-1' });
    await new Messenger(adapter, 'app', silentLogger, retry, undefined, 2_500).send(reach, { text: 'hi' });
    const [conversationId, activity, options] = send.firstCall.args as [
      string,
      Record<string, unknown>,
      object,
    ];
    assert.equal(conversationId, 'a:1');
    assert.equal(activity.text, 'hi');
    assert.equal((activity.conversation as { id: string }).id, 'a:1');
    assert.deepEqual(options, { timeout: 2_500 });
  });

  for (const [name, error, outcome] of [
    [
      'reports a person who blocked the bot as unreachable, without retrying',
      connectorError(403, 'ConversationBlockedByUser'),
      { status: 'unreachable', reason: 'ConversationBlockedByUser' },
    ],
    [
      'reports a conversation that no longer exists as unreachable',
      connectorError(404, 'ConversationNotFound'),
      { status: 'unreachable', reason: 'ConversationNotFound' },
    ],
    [
      'does not retry a request Teams refuses for good (400)',
      connectorError(400, 'BadArgument'),
      { status: 'failed', reason: 'BadArgument' },
    ],
  ] as const)
    it(name, async () => {
      send.rejects(error);
      assert.deepEqual(await sayHi(), outcome);
      assert.equal(send.callCount, 1, 'not retried');
    });

  it('retries a throttled send, honouring Retry-After, then succeeds', async () => {
    send.onFirstCall().rejects(connectorError(429, 'Throttled', '3'));
    send.onSecondCall().rejects(connectorError(502));
    send.onThirdCall().resolves({ id: 'act-2' });
    const outcome = await sayHi();
    assert.deepEqual(outcome, { status: 'sent', activityId: 'act-2' });
    assert.deepEqual(sleeps, [3000, 200], 'Retry-After first, then exponential backoff');
  });

  it('gives up after the last attempt and says it failed', async () => {
    send.rejects(connectorError(503));
    const outcome = await sayHi();
    assert.deepEqual(outcome, { status: 'failed', reason: 'HTTP 503' });
    assert.equal(send.callCount, 4);
    assert.deepEqual(sleeps, [100, 200, 400]);
  });

  it('retries a send that timed out or lost its connection', async () => {
    send.onFirstCall().rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    send.onSecondCall().resolves({ id: 'act-3' });
    const outcome = await sayHi();
    assert.deepEqual(outcome, { status: 'sent', activityId: 'act-3' });
    assert.equal(send.callCount, 2);
  });

  describe('telling operations how sends go', () => {
    let recorder: TelemetryRecorder;
    let logged: ReturnType<typeof capturedLog>;
    beforeEach(() => {
      recorder = new TelemetryRecorder();
      logged = capturedLog('info');
    });
    afterEach(() => recorder.shutdown());

    const measuredHi = () =>
      new Messenger(adapter, 'app', logged.log, retry, undefined, undefined, recorder.telemetry).send(reach, {
        text: 'hi',
      });
    const sends = async () =>
      Object.fromEntries(
        (await recorder.points())
          .filter((p) => p.name === metricNames.sends)
          .map((p) => [String(p.attributes.outcome), p.value]),
      );

    it('counts a 429 as throttled and each try again as retried, then the send as sent, logging nothing', async () => {
      send.onFirstCall().rejects(connectorError(429, 'Throttled', '3'));
      send.onSecondCall().rejects(connectorError(502));
      send.onThirdCall().resolves({ id: 'act-2' });
      assert.equal((await measuredHi()).status, 'sent');
      assert.deepEqual(await sends(), { throttled: 1, retried: 2, sent: 1 });
      assert.deepEqual(logged.lines, []);
    });

    it('counts a blocked recipient as unreachable, in one info line with the kind, outcome and status only', async () => {
      send.rejects(connectorError(403, 'ConversationBlockedByUser'));
      await measuredHi();
      assert.deepEqual(await sends(), { unreachable: 1 });
      assert.equal(logged.lines.length, 1);
      const line = JSON.parse(logged.lines[0]!) as Record<string, unknown>;
      assert.deepEqual(
        { level: line.level, kind: line.kind, outcome: line.outcome, status: line.status, code: line.code },
        { level: 30, kind: 'send', outcome: 'unreachable', status: 403, code: 'ConversationBlockedByUser' },
      );
      assert.doesNotMatch(logged.lines[0]!, /a:1|hi/);
    });

    it('counts a send that gives up as failed, after its retries, in one info line', async () => {
      send.rejects(connectorError(503));
      await measuredHi();
      assert.deepEqual(await sends(), { retried: 3, failed: 1 });
      assert.deepEqual(
        logged.lines
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .map((l) => [l.level, l.outcome, l.status]),
        [[30, 'failed', 503]],
      );
    });

    it('counts an update of a posted message the same way, as kind update', async () => {
      send.resolves({ id: 'unused' });
      const update = sandbox.stub().rejects(connectorError(404, 'ConversationNotFound'));
      (adapter.continueConversationAsync as sinon.SinonStub).callsFake(
        async (_id, reference: ConversationReference, logic: (c: TurnContext) => Promise<void>) => {
          await logic({
            adapter,
            activity: { ...reference, type: 'event', recipient: reference.bot },
            turnState: new Map([[adapter.ConnectorClientKey, { conversations: { updateActivity: update } }]]),
          } as unknown as TurnContext);
        },
      );
      const messenger = new Messenger(
        adapter,
        'app',
        logged.log,
        retry,
        undefined,
        undefined,
        recorder.telemetry,
      );
      assert.equal((await messenger.update(reach, 'act-1', { text: 'hi' })).status, 'unreachable');
      assert.deepEqual(await sends(), { unreachable: 1 });
      assert.equal((JSON.parse(logged.lines[0]!) as { kind: string }).kind, 'update');
    });
  });

  describe('with a rate limiter', () => {
    function limiter(): SendLimiter & { acquire: sinon.SinonStub; backOff: sinon.SinonStub } {
      return { acquire: sandbox.stub().resolves(), backOff: sandbox.stub() };
    }

    it('waits for the limiter before every attempt, in the recipient’s conversation and tenant', async () => {
      const gate = limiter();
      send.onFirstCall().rejects(connectorError(502));
      send.onSecondCall().resolves({ id: 'act-3' });
      const outcome = await new Messenger(adapter, 'app', silentLogger, retry, gate).send(reach, {
        text: 'hi',
      });
      assert.deepEqual(outcome, { status: 'sent', activityId: 'act-3' });
      assert.equal(gate.acquire.callCount, 2);
      assert.deepEqual(gate.acquire.firstCall.args, ['a:1', 't']);
      sinon.assert.callOrder(gate.acquire, send);
      assert.ok(gate.acquire.secondCall.calledAfter(send.firstCall), 'the retry asks again');
      sinon.assert.notCalled(gate.backOff);
    });

    it('tells the limiter to back the whole tenant off when Teams answers 429', async () => {
      const gate = limiter();
      send.onFirstCall().rejects(connectorError(429, 'Throttled', '3'));
      send.onSecondCall().rejects(connectorError(429, 'Throttled'));
      send.onThirdCall().resolves({ id: 'act-4' });
      const outcome = await new Messenger(adapter, 'app', silentLogger, retry, gate).send(reach, {
        text: 'hi',
      });
      assert.equal(outcome.status, 'sent');
      assert.deepEqual(gate.backOff.args, [
        ['t', 3000],
        ['t', 200],
      ]);
      assert.deepEqual(sleeps, [3000, 200], 'the sender waits as long as it asked the tenant to');
    });

    it('backs the tenant off even when a throttled send gives up', async () => {
      const gate = limiter();
      send.rejects(connectorError(429, 'Throttled', '2'));
      const outcome = await new Messenger(adapter, 'app', silentLogger, retry, gate).send(reach, {
        text: 'hi',
      });
      assert.deepEqual(outcome, { status: 'failed', reason: 'Throttled' });
      assert.equal(gate.backOff.callCount, 4);
      assert.deepEqual(gate.backOff.lastCall.args, ['t', 2000]);
    });

    it('makes other conversations in the throttled tenant wait, and not those of another tenant', async () => {
      const clock = new TestClock();
      const waits: number[] = [];
      const rateLimiter = new RateLimiter({
        clock,
        sleep: async (ms) => {
          waits.push(ms);
          clock.advance(ms);
        },
      });
      const messenger = new Messenger(adapter, 'app', silentLogger, { ...retry, attempts: 1 }, rateLimiter);
      send.onFirstCall().rejects(connectorError(429, 'Throttled', '3'));
      send.resolves({ id: 'act-6' });

      assert.equal((await messenger.send(reach, { text: 'hi' })).status, 'failed');
      await messenger.send({ ...reach, conversationId: 'b:1', tenantId: 'other' }, { text: 'hi' });
      assert.deepEqual(waits, [], 'another tenant goes at once');
      await messenger.send({ ...reach, conversationId: 'a:2' }, { text: 'hi' });
      assert.deepEqual(waits, [3000], 'a colleague in the throttled tenant waits out the Retry-After');
    });

    it('backs off the unnamed tenant when the reference has none', async () => {
      const gate = limiter();
      send.onFirstCall().rejects(connectorError(429, 'Throttled', '1'));
      send.onSecondCall().resolves({ id: 'act-5' });
      const { tenantId: _omitted, ...noTenant } = reach;
      await new Messenger(adapter, 'app', silentLogger, retry, gate).send(noTenant, { text: 'hi' });
      assert.deepEqual(gate.acquire.firstCall.args, ['a:1', '']);
      assert.deepEqual(gate.backOff.firstCall.args, ['', 1000]);
    });
  });
});
