import assert from 'node:assert/strict';
import sinon from 'sinon';
import { TurnContext } from 'botbuilder';
import { admitTurn, isAutomatic, isAutomaticRefresh } from '../../../src/bot/inbound/turn-admission';
import { TurnRecord, withTurnRecord } from '../../../src/bot/inbound/turn-telemetry';
import { verbs } from '../../../src/bot/verbs';
import { PersonLimit } from '../../../src/delivery/person-limit';
import { wordsFor } from '../../../src/i18n';
import { avery, execute, message, refreshCard } from '../../support/activities';
import { TestClock } from '../../support/test-clock';

const svc = 'https://smba.example/';
const english = wordsFor('en', 'UTC');
const slowDown = (count: number) => english.t('common.slowDown', { count });

describe('turn-admission', () => {
  const sandbox = sinon.createSandbox();
  let clock: TestClock;
  let limit: PersonLimit;
  beforeEach(() => {
    clock = new TestClock();
    // one turn and one refresh every 5 s, so the second in a row is over
    limit = new PersonLimit(clock, [{ count: 1, perMs: 5_000 }], [{ count: 1, perMs: 5_000 }]);
  });
  afterEach(() => sandbox.restore());

  function turn(activity: object) {
    const sendActivity = sandbox.stub().resolves({ id: 'r1' });
    const context = { activity, sendActivity, turnState: new Map() } as unknown as TurnContext;
    const record = new TurnRecord();
    withTurnRecord(context, record);
    return { context, sendActivity, record };
  }
  const services = () => ({ personLimit: limit, defaultLocale: 'en', defaultTimeZone: 'UTC' });

  describe('isAutomatic and isAutomaticRefresh', () => {
    it('tell a card refreshing itself from a click', () => {
      const click = execute(avery, svc, verbs.viewPrompt) as unknown as TurnContext['activity'];
      const refresh = refreshCard(avery, svc, { verb: verbs.viewPrompt, data: {} });
      assert.equal(isAutomatic(click), false);
      assert.equal(isAutomaticRefresh(refresh as unknown as TurnContext['activity']), true);
    });

    it('do not take an automatic trigger of a verb that writes for a refresh', () => {
      const sneaky = refreshCard(avery, svc, { verb: verbs.eraseMyData, data: {} });
      assert.equal(isAutomatic(sneaky as unknown as TurnContext['activity']), true);
      assert.equal(isAutomaticRefresh(sneaky as unknown as TurnContext['activity']), false);
    });
  });

  describe('admitTurn', () => {
    it('lets everyone in when there is no limit', async () => {
      const { context } = turn(message(avery, svc, 'hi'));
      const admitted = await admitTurn(context, { ...services(), personLimit: undefined });
      assert.equal(admitted, true);
    });

    it('refuses an invoke that names no sender with 400, and a message without a word', async () => {
      const invoke = turn({ ...execute(avery, svc, verbs.openReport), from: { id: ' ' } });
      assert.equal(await admitTurn(invoke.context, services()), false);
      assert.deepEqual(invoke.sendActivity.firstCall.args[0], {
        type: 'invokeResponse',
        value: { status: 400 },
      });
      const silent = turn({ ...message(avery, svc, 'hi'), from: {} });
      assert.equal(await admitTurn(silent.context, services()), false);
      assert.equal(silent.sendActivity.called, false);
      assert.deepEqual([invoke.record.outcome, invoke.record.code], ['refused', 'noSender']);
    });

    it('tells a person over the limit once to slow down, then stays silent while it lasts', async () => {
      const first = turn(message(avery, svc, 'hi'));
      assert.equal(await admitTurn(first.context, services()), true);
      const second = turn(message(avery, svc, 'hi'));
      assert.equal(await admitTurn(second.context, services()), false);
      assert.deepEqual(second.sendActivity.firstCall.args, [slowDown(5)]);
      const third = turn(message(avery, svc, 'hi'));
      assert.equal(await admitTurn(third.context, services()), false);
      assert.equal(third.sendActivity.called, false);
      // each refusal is its turn's outcome, for the operator's count and log
      assert.deepEqual(
        [second, third].map((t) => [t.record.outcome, t.record.code]),
        [
          ['refused', 'rate'],
          ['refused', 'rate'],
        ],
      );
      assert.equal(first.record.outcome, 'ok');
      clock.advance(5_000);
      assert.equal(await admitTurn(turn(message(avery, svc, 'hi')).context, services()), true);
    });

    it('answers a click over the limit with the line under its card, so the inputs stay', async () => {
      await admitTurn(turn(message(avery, svc, 'hi')).context, services());
      clock.advance(2_500);
      const click = turn(execute(avery, svc, verbs.saveProfile));
      assert.equal(await admitTurn(click.context, services()), false);
      assert.deepEqual(click.sendActivity.firstCall.args[0], {
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: slowDown(3) },
        },
      });
    });

    it('answers any other invoke over the limit with 429', async () => {
      await admitTurn(turn(message(avery, svc, 'hi')).context, services());
      const consent = turn({ ...message(avery, svc, ''), type: 'invoke', name: 'fileConsent/invoke' });
      await admitTurn(consent.context, services());
      assert.equal(consent.sendActivity.firstCall.args[0].value.status, 429);
    });

    it('counts cards refreshing themselves apart from the person’s own turns', async () => {
      await admitTurn(turn(message(avery, svc, 'hi')).context, services());
      const refresh = turn(refreshCard(avery, svc, { verb: verbs.viewSummary, data: {} }));
      assert.equal(await admitTurn(refresh.context, services()), true);
    });
  });
});
