import assert from 'node:assert/strict';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  errorCode,
  measuredTurn,
  TurnRecord,
  turnKind,
  turnVerb,
} from '../../../src/bot/inbound/turn-telemetry';
import { verbs } from '../../../src/bot/verbs';
import { metricNames } from '../../../src/telemetry/telemetry';
import { avery, execute, fileConsent, installed, message, submit } from '../../support/activities';
import { capturedLog } from '../../support/captured-log';
import { TelemetryRecorder } from '../../support/telemetry-recorder';

const svc = 'https://smba.example/';

describe('turn-telemetry', () => {
  describe('turnKind', () => {
    it('names a turn by its activity type, and an invoke by the two names the bot handles', () => {
      assert.equal(turnKind(message(avery, svc, 'hi')), 'message');
      assert.equal(turnKind(installed(avery, svc)), 'installationUpdate');
      assert.equal(turnKind({ type: 'conversationUpdate' }), 'conversationUpdate');
      assert.equal(turnKind({ type: 'messageReaction' }), 'messageReaction');
      assert.equal(turnKind(execute(avery, svc, verbs.saveProfile)), 'adaptiveCard/action');
      assert.equal(turnKind(fileConsent(avery, svc, 'accept', {}, {})), 'fileConsent/invoke');
    });

    it('never passes on a name a client made up', () => {
      assert.equal(turnKind({ type: 'invoke', name: 'Avery Lind’s secret' }), 'invoke');
      assert.equal(turnKind({ type: 'typing' }), 'other');
      assert.equal(turnKind({ type: 'Avery Lind' }), 'other');
      assert.equal(turnKind({ type: 42 }), 'other');
      assert.equal(turnKind({}), 'other');
    });
  });

  describe('turnVerb', () => {
    it('tells the verb of a click, Action.Execute and Action.Submit alike', () => {
      assert.equal(turnVerb(execute(avery, svc, verbs.answerPrompt)), verbs.answerPrompt);
      assert.equal(turnVerb(submit(avery, svc, 'card-1', { verb: verbs.saveProfile })), verbs.saveProfile);
    });

    it('says "other" for a verb the bot does not know, and nothing when there is none', () => {
      assert.equal(turnVerb(execute(avery, svc, 'avery@example.org')), 'other');
      assert.equal(turnVerb(submit(avery, svc, 'card-1', { verb: 'x'.repeat(300) })), 'other');
      assert.equal(turnVerb(message(avery, svc, 'prompt.answer')), undefined);
      assert.equal(turnVerb({ type: 'invoke', value: 'not an object' }), undefined);
    });
  });

  describe('errorCode', () => {
    it('is an error’s class name, never its message', () => {
      assert.equal(errorCode(new TypeError('Avery typed this')), 'TypeError');
      assert.equal(errorCode({ name: 'RestError' }), 'RestError');
      assert.equal(errorCode({ name: 'Avery Lind wrote: help' }), 'Error');
      assert.equal(errorCode('a string thrown'), 'Error');
      assert.equal(errorCode(undefined), 'Error');
    });
  });

  describe('TurnRecord', () => {
    it('keeps the first refusal, and a failure over any refusal', () => {
      const record = new TurnRecord();
      record.refuse('unknownVerb');
      record.refuse('personalOnly');
      assert.deepEqual([record.outcome, record.code], ['refused', 'unknownVerb']);
      record.fail(new RangeError('x'));
      record.refuse('rate');
      assert.deepEqual([record.outcome, record.code], ['failed', 'RangeError']);
    });
  });

  describe('measuredTurn', () => {
    let recorder: TelemetryRecorder;
    let captured: ReturnType<typeof capturedLog>;
    beforeEach(() => {
      recorder = new TelemetryRecorder();
      captured = capturedLog('debug');
    });
    afterEach(() => recorder.shutdown());

    const entries = () => captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const turn = <T>(activity: object, work: (record: TurnRecord) => Promise<T>) =>
      measuredTurn(recorder.telemetry, captured.log, activity, work);

    it('counts and times a turn that went well, in a span, with one debug line', async () => {
      assert.equal(await turn(execute(avery, svc, verbs.saveProfile), async () => 'answered'), 'answered');
      assert.equal(
        await recorder.total(metricNames.turns, { kind: 'adaptiveCard/action', outcome: 'ok' }),
        1,
      );
      const [duration] = (await recorder.points()).filter((p) => p.name === metricNames.turnDuration);
      assert.deepEqual(duration!.attributes, { kind: 'adaptiveCard/action', outcome: 'ok' });
      assert.equal(duration!.value, 1);
      const [span] = recorder.spans();
      assert.equal(span!.name, 'turn');
      assert.deepEqual(span!.attributes, {
        kind: 'adaptiveCard/action',
        verb: verbs.saveProfile,
        outcome: 'ok',
      });
      assert.deepEqual(
        entries().map((e) => [e.level, e.msg, e.kind, e.outcome, typeof e.ms]),
        [[20, 'turn', 'adaptiveCard/action', 'ok', 'number']],
      );
    });

    it('logs a refused turn at info with its code, and nothing of what the activity says', async () => {
      await turn(message(avery, svc, 'my colleague Blake'), async (record) => record.refuse('tenant'));
      assert.equal(await recorder.total(metricNames.turns, { kind: 'message', outcome: 'refused' }), 1);
      assert.equal(recorder.spans()[0]!.attributes.code, 'tenant');
      const info = entries().filter((e) => e.level === 30);
      // beyond pino's own fields (level, time, pid, hostname): only closed values
      const fields = info.map(({ level: _l, time: _t, pid: _p, hostname: _h, ...rest }) => rest);
      assert.deepEqual(fields, [
        { kind: 'message', outcome: 'refused', code: 'tenant', msg: 'turn refused' },
      ]);
      assert.doesNotMatch(captured.lines.join('\n'), /Blake|Avery|personal-|aaaaaaaa/);
    });

    it('counts a turn whose work throws as failed, by the error’s name, and passes the error on', async () => {
      await assert.rejects(
        turn(message(avery, svc, 'hi'), async () => {
          throw new SyntaxError('Avery typed {');
        }),
        SyntaxError,
      );
      assert.equal(await recorder.total(metricNames.turns, { kind: 'message', outcome: 'failed' }), 1);
      const [span] = recorder.spans();
      assert.equal(span!.status.code, SpanStatusCode.ERROR);
      assert.equal(span!.attributes.code, 'SyntaxError');
      const info = entries().find((e) => e.level === 30)!;
      assert.deepEqual([info.msg, info.code], ['turn failed', 'SyntaxError']);
      assert.doesNotMatch(captured.lines.join('\n'), /Avery typed/);
    });

    it('counts a failure the work told of without throwing', async () => {
      await turn(message(avery, svc, 'hi'), async (record) => record.fail(new TypeError('x')));
      assert.equal(await recorder.total(metricNames.turns, { kind: 'message', outcome: 'failed' }), 1);
    });
  });
});
