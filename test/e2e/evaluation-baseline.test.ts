import assert from 'node:assert/strict';
import { avery, blake, chris, dana, execute, installed, uninstalled } from '../support/activities';
import { buttonData, pairUp } from '../support/cycle-fixtures';
import { e2eBot, latestCardTitled } from '../support/e2e-bot';
import { storedIn, textOf, verbsOf } from '../support/test-bot';

const baselineTitle = /^Your starting point/;

/** the six statements, each answered */
const sixAnswers = {
  's.strategies': '2',
  's.complexity': '3',
  's.reflection': '4',
  's.feedback': '5',
  's.learnerPerspective': '1',
  's.sharedConcern': '3',
};

describe('e2e: the baseline questionnaire at enrolment', () => {
  const bot = e2eBot();

  it('waits for the morning in the supervisor’s time zone, then sends one optional card', async () => {
    bot.clock.set('2026-09-01T19:30:00Z'); // 21:30 in Stockholm: quiet hours
    await pairUp(bot, avery, blake, chris);
    await bot.runDueWork();
    assert.equal(latestCardTitled(bot, blake, baselineTitle), undefined);

    bot.clock.set('2026-09-02T05:10:00Z'); // 07:10 in Stockholm
    await bot.runDueWork();
    const card = latestCardTitled(bot, blake, baselineTitle)!;
    const text = textOf(card);
    assert.match(text, /optional/i);
    assert.match(text, /two minutes/);
    assert.match(text, /your coordinator sees only totals over five or more people, never your answers/);
    assert.deepEqual(verbsOf(card), ['evaluation.answer', 'evaluation.decline']);
    assert.ok(latestCardTitled(bot, chris, baselineTitle), 'every enrolled supervisor gets one');
    assert.equal(latestCardTitled(bot, avery, baselineTitle), undefined, 'the coordinator is not enrolled');

    await bot.runDueWork();
    bot.clock.set('2026-09-09T05:10:00Z');
    await bot.runDueWork();
    const sent = bot.connector.to(blake.conversationId).filter((a) => /Your starting point/.test(textOf(a)));
    assert.equal(sent.length, 1, 'one card, never a reminder');
  });

  it('invites someone enrolled before they installed the app once they install it, and only once', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    const programmeId = await pairUp(bot, avery, blake, chris);
    // Dana is enrolled by id: the bot has never met her, so nothing can reach her yet
    await bot.post(execute(avery, bot.svc, 'enrol.save', { programmeId, people: dana.aadObjectId }));
    await bot.runDueWork();
    assert.equal(bot.connector.to(dana.conversationId).length, 0);

    await bot.post(installed(dana, bot.svc));
    await bot.runDueWork();
    assert.ok(latestCardTitled(bot, dana, baselineTitle), 'invited once she can be reached');

    await bot.post(uninstalled(dana, bot.svc));
    await bot.post(installed(dana, bot.svc));
    await bot.runDueWork();
    const cards = bot.connector.to(dana.conversationId).filter((a) => baselineTitle.test(textOf(a)));
    assert.equal(cards.length, 1, 'a second install does not invite again');
  });

  describe('answering', () => {
    beforeEach(async () => {
      bot.clock.set('2026-09-01T08:00:00Z');
      await pairUp(bot, avery, blake, chris);
      await bot.runDueWork();
    });

    const open = () => latestCardTitled(bot, blake, baselineTitle)!;
    const send = (data: Record<string, string>) => bot.click(blake, 'evaluation.answer', data);

    it('stores the answers once, in the programme’s partition, and turns the card read-only', async () => {
      const data = buttonData(open(), 'evaluation.answer');
      const thanked = await send({ ...data, ...sixAnswers });
      assert.match(textOf(thanked), /Thank you/);
      assert.deepEqual(verbsOf(thanked), []);
      const again = await send({ ...data, ...sixAnswers, 's.feedback': '1' });
      assert.match(textOf(again), /already/);
      const docs = await storedIn(bot, 'programmes', 'evaluation');
      const blakes = docs.filter((d) => d.personId === blake.aadObjectId);
      assert.equal(blakes.length, 1);
      assert.equal(blakes[0]!.phase, 'baseline');
      assert.equal(blakes[0]!.programmeId, data.programmeId);
      assert.deepEqual(blakes[0]!.ratings, {
        strategies: 2,
        complexity: 3,
        reflection: 4,
        feedback: 5,
        learnerPerspective: 1,
        sharedConcern: 3,
      });
      assert.ok(typeof blakes[0]!.ttl === 'number' && blakes[0]!.ttl > 0);
      assert.ok(blakes[0]!.tenantId, 'tenant-stamped');
    });

    it('refuses a tampered card and changes nothing', async () => {
      const data = buttonData(open(), 'evaluation.answer');
      for (const tampered of [
        { ...data, ...sixAnswers, 's.feedback': '6' },
        { ...data, ...sixAnswers, 's.feedback': '0' },
        { ...data, ...sixAnswers, 's.mood': '3' },
        { ...data, ...sixAnswers, personId: chris.aadObjectId },
        { ...data, ...sixAnswers, programmeId: 'not-a-programme' },
      ]) {
        const answer = await send(tampered);
        assert.doesNotMatch(textOf(answer), /Thank you/, JSON.stringify(tampered));
        assert.match(textOf(answer), /could not|belongs to someone else|no longer/i);
      }
      const docs = await storedIn(bot, 'programmes', 'evaluation');
      assert.ok(docs.every((d) => d.ratings === undefined));
      assert.match(textOf(await send({ ...data, ...sixAnswers })), /Thank you/, 'the real card still works');
    });

    it('"Not now" ends it: nothing stored, no reminder, and a later Send changes nothing', async () => {
      const data = buttonData(open(), 'evaluation.decline');
      const declined = await bot.click(blake, 'evaluation.decline', data);
      assert.deepEqual(verbsOf(declined), []);
      assert.match(textOf(await send({ ...data, ...sixAnswers })), /no longer/);
      bot.clock.set('2026-09-20T08:00:00Z');
      await bot.runDueWork();
      const docs = await storedIn(bot, 'programmes', 'evaluation');
      assert.ok(docs.every((d) => d.ratings === undefined));
    });

    it('is shown in `my data` and removed by `delete my data`', async () => {
      await send({ ...buttonData(open(), 'evaluation.answer'), ...sixAnswers });
      await bot.say(blake, 'my data');
      const mine = textOf(bot.lastCardTo(blake));
      assert.match(mine, /Before the programme/);
      assert.match(mine, /Exploring teaching strategies[^\n]*\n[^\n]*2/);
      await bot.say(chris, 'my data');
      assert.doesNotMatch(textOf(bot.lastCardTo(chris)), /Before the programme/);

      await bot.say(blake, 'delete my data');
      await bot.click(blake, 'data.erase', buttonData(bot.lastCardTo(blake), 'data.erase'));
      const docs = await storedIn(bot, 'programmes', 'evaluation');
      assert.ok(docs.filter((d) => d.personId === blake.aadObjectId).every((d) => d.ratings === undefined));
      await bot.say(blake, 'my data');
      assert.doesNotMatch(textOf(bot.lastCardTo(blake)), /Before the programme/);
    });

    it('shows the coordinator nothing of it', async () => {
      await send({ ...buttonData(open(), 'evaluation.answer'), ...sixAnswers });
      await bot.say(avery, 'report');
      const all = JSON.stringify(bot.connector.to(avery.conversationId));
      assert.doesNotMatch(all, /Your starting point|strategies|Exploring teaching/);
    });
  });
});
