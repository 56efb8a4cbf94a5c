import assert from 'node:assert/strict';
import sinon from 'sinon';
import { INVOKE_RESPONSE_KEY, Request, Response, TurnContext } from 'botbuilder';
import { createAdapter, envelopeProblem } from '../../../src/bot/inbound/adapter';
import { TenantGate } from '../../../src/bot/inbound/tenant-gate';
import { wordsFor } from '../../../src/i18n';
import { silentLogger } from '../../../src/log';
import { globalTelemetry, metricNames, Telemetry } from '../../../src/telemetry/telemetry';
import { capturedLog } from '../../support/captured-log';
import { TelemetryRecorder } from '../../support/telemetry-recorder';
import { avery, execute, message, tenantId } from '../../support/activities';
import { TestClock } from '../../support/test-clock';

const svc = 'https://smba.example/';
const failed = wordsFor('en-GB', 'UTC').t('common.failed');
const anActivity = (extra: object = {}) =>
  ({ ...message(avery, svc, 'hi'), ...extra }) as Record<string, unknown>;

describe('adapter', () => {
  const sandbox = sinon.createSandbox();
  afterEach(() => sandbox.restore());
  const adapter = (log = silentLogger, telemetry: Telemetry = globalTelemetry()) =>
    createAdapter(
      { mode: 'anonymous' },
      'en',
      log,
      new TenantGate([tenantId], new TestClock(), silentLogger),
      telemetry,
    );

  describe('envelopeProblem', () => {
    it('hands an activity as Teams sends it to a turn', () => {
      assert.equal(envelopeProblem(anActivity()), undefined);
      assert.equal(envelopeProblem(execute(avery, svc, 'help') as Record<string, unknown>), undefined);
    });

    it('names what botbuilder would trip over', () => {
      const cases: [object, string][] = [
        [{ from: 'avery' }, 'from is not an object'],
        [{ text: 42 }, 'text is not a well-formed string'],
        [{ text: '\ud800' }, 'text is not a well-formed string'],
        [{ conversation: { id: 'a:1', isGroup: 'yes' } }, 'conversation.isGroup is not a boolean'],
        [{ serviceUrl: 'ftp://x' }, 'serviceUrl is not an http(s) URL'],
        [{ recipient: undefined }, 'the activity has a sender but no conversation, recipient or serviceUrl'],
        [{ conversation: { id: 'a:ü' } }, 'the conversation id is not printable ASCII'],
        [{ entities: [1] }, 'entities is not a list of objects'],
        [{ type: 'messageUpdate', channelData: undefined }, 'a message update or delete without channelData'],
        [{ type: 'invoke', name: 'adaptiveCard/action', value: {} }, 'the card action has no action'],
        [{ type: 'invoke', name: 'fileConsent/invoke' }, 'the invoke has no value'],
      ];
      for (const [extra, problem] of cases)
        assert.equal(envelopeProblem(anActivity(extra)), problem, problem);
    });
  });

  describe('a request without an activity type', () => {
    it('is refused with 400 before anything else', async () => {
      const res = { status: sandbox.stub(), send: sandbox.stub(), end: sandbox.stub() };
      const logic = sandbox.stub();
      await adapter().process(
        { body: { text: 'hi' }, headers: {} } as Request,
        res as unknown as Response,
        logic,
      );
      assert.deepEqual(res.status.firstCall.args, [400]);
      assert.equal(logic.called, false);
    });
  });

  describe('a turn that fails', () => {
    function failedTurn(activity: object) {
      const turnState = new Map<unknown, unknown>();
      const sendActivity = sandbox.stub().resolves();
      return {
        context: { activity, turnState, sendActivity } as unknown as TurnContext,
        turnState,
        sendActivity,
      };
    }

    it('tells the person it failed, in their language', async () => {
      const { context, sendActivity } = failedTurn(message(avery, svc, 'hi'));
      await adapter().onTurnError(context, new Error('boom'));
      assert.deepEqual(sendActivity.firstCall.args, [failed]);
    });

    it('answers a card action with the line under the card and posts nothing', async () => {
      const { context, turnState, sendActivity } = failedTurn(execute(avery, svc, 'help'));
      await adapter().onTurnError(context, new Error('boom'));
      const response = turnState.get(INVOKE_RESPONSE_KEY) as {
        value: { status: number; body: { value: string } };
      };
      assert.equal(response.value.status, 200);
      assert.equal(response.value.body.value, failed);
      assert.equal(sendActivity.called, false);
    });

    it('is counted as failed by the error’s name, and logged at info without its message', async () => {
      const recorder = new TelemetryRecorder();
      const { log, lines } = capturedLog('info');
      const res = {
        status: sandbox.stub(),
        send: sandbox.stub(),
        end: sandbox.stub(),
        header: sandbox.stub(),
      };
      await adapter(log, recorder.telemetry).process(
        { body: execute(avery, svc, 'help'), headers: {}, method: 'POST' } as Request,
        res as unknown as Response,
        async () => {
          throw new RangeError('Avery typed this');
        },
      );
      assert.deepEqual(res.status.firstCall.args, [200]);
      assert.equal(
        await recorder.total(metricNames.turns, { kind: 'adaptiveCard/action', outcome: 'failed' }),
        1,
      );
      const turn = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'turn failed');
      assert.equal(turn.code, 'RangeError');
      assert.doesNotMatch(lines.join('\n'), /Avery typed/);
      await recorder.shutdown();
    });

    it('keeps an invoke response the turn already gave', async () => {
      const { context, turnState } = failedTurn(execute(avery, svc, 'help'));
      const given = { type: 'invokeResponse', value: { status: 200, body: 'done' } };
      turnState.set(INVOKE_RESPONSE_KEY, given);
      await adapter().onTurnError(context, new Error('boom'));
      assert.equal(turnState.get(INVOKE_RESPONSE_KEY), given);
    });
  });
  describe('the user token client botbuilder hands every turn', () => {
    it('is made once and handed to every turn after it', async () => {
      const a = adapter();
      const handed: unknown[] = [];
      for (let turn = 0; turn < 2; turn++) {
        const res = {
          status: sandbox.stub(),
          send: sandbox.stub(),
          end: sandbox.stub(),
          header: sandbox.stub(),
        };
        await a.process(
          { body: execute(avery, svc, 'help'), headers: {}, method: 'POST' } as Request,
          res as unknown as Response,
          async (context) => {
            handed.push(context.turnState.get(a.UserTokenClientKey));
          },
        );
      }
      assert.equal(handed.length, 2);
      assert.ok(handed[0], 'a turn still has its user token client');
      assert.equal(handed[1], handed[0]);
    });
  });
});
