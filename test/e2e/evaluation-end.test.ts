import assert from 'node:assert/strict';
import {
  avery,
  blake,
  chris,
  dana,
  eli,
  execute,
  installed,
  testUser,
  uninstalled,
} from '../support/activities';
import { buttonData, pairUp } from '../support/cycle-fixtures';
import { e2eBot, latestCardTitled } from '../support/e2e-bot';
import { storedIn, textOf, TestBot, verbsOf } from '../support/test-bot';
import { TestUser } from '../support/activities';

const endTitle = /^Looking back: the programme’s end/;

/** a supervisor in New York, six hours behind the programme's Stockholm */
const gus = testUser('9', 'Gus Holm', { timeZone: 'America/New_York' });

/** the end card's answers: the six statements, the three overall questions, and a comment */
const fullAnswers = {
  's.strategies': '4',
  's.complexity': '4',
  's.reflection': '5',
  's.feedback': '5',
  's.learnerPerspective': '3',
  's.sharedConcern': '4',
  'o.safety': '5',
  'o.usefulness': '4',
  'o.recommend': '9',
  comment: 'More time for the talk afterwards, please.',
};

/** the programme's last day is Wednesday 30 September 2026, in Stockholm; the end card stays 14 days */
const lastDay = { endDate: '2026-09-30' };

function endCards(bot: TestBot, user: TestUser): number {
  return bot.connector.to(user.conversationId).filter((a) => endTitle.test(textOf(a))).length;
}

describe('e2e: the end questionnaire on the programme’s last day', () => {
  const bot = e2eBot();

  it('goes out on the last day, at each supervisor’s own first allowed moment, never to the coordinator', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, gus, lastDay);

    bot.clock.set('2026-09-29T21:59:00Z'); // 23:59 the day before, in Stockholm
    await bot.runDueWork();
    assert.equal(endCards(bot, blake), 0, 'not before the last day');

    bot.clock.set('2026-09-29T22:30:00Z'); // 00:30 on the last day in Stockholm: quiet hours
    await bot.runDueWork();
    assert.equal(endCards(bot, blake), 0, 'not in quiet hours');

    bot.clock.set('2026-09-30T05:10:00Z'); // 07:10 in Stockholm, 01:10 in New York
    await bot.runDueWork();
    const card = latestCardTitled(bot, blake, endTitle)!;
    assert.ok(card, 'Blake gets it in his morning');
    assert.equal(endCards(bot, gus), 0, 'Gus is still asleep');
    const text = textOf(card);
    assert.match(text, /Autumn/);
    assert.match(
      text,
      /Your coordinator will read this — without your name — only if five or more people write one/,
    );
    assert.match(text, /Open until 13 Oct 2026/);
    assert.deepEqual(verbsOf(card), ['evaluation.end.answer', 'evaluation.end.decline']);

    bot.clock.set('2026-09-30T11:10:00Z'); // 07:10 in New York
    await bot.runDueWork();
    assert.equal(endCards(bot, gus), 1, 'Gus gets it in his morning');
    assert.equal(endCards(bot, avery), 0, 'the coordinator is not enrolled');
    await bot.runDueWork();
    assert.equal(endCards(bot, blake), 1, 'once');
  });

  it('goes to someone enrolled before it opened who installs the app while it is open, once; not to someone enrolled later', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    const programmeId = await pairUp(bot, avery, blake, chris, lastDay);
    // Dana is enrolled by id: nothing reaches her until she installs the app
    await bot.post(execute(avery, bot.svc, 'enrol.save', { programmeId, people: dana.aadObjectId }));
    bot.clock.set('2026-09-30T06:00:00Z');
    await bot.runDueWork();
    assert.equal(endCards(bot, dana), 0);

    bot.clock.set('2026-10-01T06:00:00Z');
    await bot.post(installed(dana, bot.svc));
    await bot.post(installed(eli, bot.svc));
    await bot.post(execute(avery, bot.svc, 'enrol.save', { programmeId, people: eli.aadObjectId }));
    await bot.runDueWork();
    assert.equal(endCards(bot, dana), 1);
    await bot.post(uninstalled(dana, bot.svc));
    await bot.post(installed(dana, bot.svc));
    await bot.runDueWork();
    assert.equal(endCards(bot, dana), 1, 'a second install sends nothing again');
    for (const late of [dana, eli])
      assert.equal(latestCardTitled(bot, late, /^Your starting point/), undefined, 'no baseline at the end');
    assert.equal(endCards(bot, eli), 0, 'Eli was enrolled after it opened');
    assert.equal(endCards(bot, blake), 1, 'Blake as before');
  });

  describe('once sent', () => {
    beforeEach(async () => {
      bot.clock.set('2026-09-01T08:00:00Z');
      await pairUp(bot, avery, blake, chris, lastDay);
      bot.clock.set('2026-09-30T06:00:00Z');
      await bot.runDueWork();
    });

    const open = (user: TestUser = blake) => latestCardTitled(bot, user, endTitle)!;
    const send = (data: Record<string, string>, user: TestUser = blake) =>
      bot.click(user, 'evaluation.end.answer', data);
    const blakesEnd = async () =>
      (await storedIn(bot, 'programmes', 'evaluation')).find(
        (d) => d.id === `evaluation:end:${blake.aadObjectId}`,
      );

    it('stores every answer once and turns the card read-only; a second click changes nothing', async () => {
      const data = buttonData(open(), 'evaluation.end.answer');
      const [thanked, twice] = await Promise.all([
        send({ ...data, ...fullAnswers }),
        send({ ...data, ...fullAnswers }),
      ]);
      assert.ok(
        [thanked, twice].some((c) => /Thank you/.test(textOf(c))),
        'one of the clicks saved',
      );
      assert.match(textOf(await send({ ...data, ...fullAnswers, 'o.recommend': '0' })), /already/);
      const doc = await blakesEnd();
      assert.equal(doc?.phase, 'end');
      assert.equal(doc?.status, 'answered');
      assert.deepEqual(doc?.overall, { safety: 5, usefulness: 4, recommend: 9 });
      assert.equal(doc?.ratings.reflection, 5);
      assert.equal(doc?.comment, fullAnswers.comment);
      assert.equal(doc?.programmeId, data.programmeId);
      assert.deepEqual(verbsOf(thanked), []);
    });

    it('refuses tampered values with a clear message and stores nothing', async () => {
      const data = buttonData(open(), 'evaluation.end.answer');
      for (const tampered of <Record<string, string>[]>[
        { 'o.recommend': '11' },
        { 'o.safety': '0' },
        { 'o.mood': '3' },
        { 's.feedback': '6' },
        { personId: chris.aadObjectId },
        { programmeId: 'not-a-programme' },
      ]) {
        const answer = await send({ ...data, ...fullAnswers, ...tampered });
        assert.match(
          textOf(answer),
          /could not be read|belongs to someone else|no longer open/,
          JSON.stringify(tampered),
        );
      }
      assert.equal((await blakesEnd())?.status, 'sent');
      assert.match(textOf(await send({ ...data, ...fullAnswers })), /Thank you/, 'the real card still works');
    });

    it('refuses a comment holding an identifier, shows it masked, and keeps what was typed', async () => {
      const data = buttonData(open(), 'evaluation.end.answer');
      const comment = 'Call me on 070-123 45 67 about the ward.';
      const refused = await send({ ...data, ...fullAnswers, comment });
      const text = textOf(refused);
      assert.match(text, /phone number/);
      assert.doesNotMatch(text.replace(comment, ''), /123 45 67/, 'the number is shown only masked');
      assert.ok(
        JSON.stringify(refused).includes(JSON.stringify(comment)),
        'what was typed is still in the box',
      );
      assert.deepEqual(verbsOf(refused), ['evaluation.end.answer', 'evaluation.end.decline']);
      assert.equal((await blakesEnd())?.comment, undefined);
      const long = await send({ ...data, ...fullAnswers, comment: 'x'.repeat(1001) });
      assert.match(textOf(long), /1000 characters/);
    });

    it('"Not now" ends it: nothing stored, no reminder', async () => {
      const data = buttonData(open(), 'evaluation.end.decline');
      assert.deepEqual(verbsOf(await bot.click(blake, 'evaluation.end.decline', data)), []);
      assert.match(textOf(await send({ ...data, ...fullAnswers })), /no longer open/);
      bot.clock.set('2026-10-08T06:00:00Z');
      await bot.runDueWork();
      assert.equal(endCards(bot, blake), 1);
      assert.equal((await blakesEnd())?.ratings, undefined);
    });

    it('reminds once halfway, at the person’s allowed moment, only those who have not answered', async () => {
      await send({ ...buttonData(open(chris), 'evaluation.end.answer'), ...fullAnswers }, chris);
      bot.clock.set('2026-10-06T20:00:00Z'); // the evening before halfway
      await bot.runDueWork();
      assert.equal(endCards(bot, blake), 1);
      bot.clock.set('2026-10-06T23:00:00Z'); // halfway (7 October), 01:00 in Stockholm: quiet hours
      await bot.runDueWork();
      assert.equal(endCards(bot, blake), 1);
      bot.clock.set('2026-10-07T05:05:00Z');
      await bot.runDueWork();
      assert.equal(endCards(bot, blake), 2, 'one reminder');
      assert.match(textOf(open()), /A reminder: this is still open/);
      assert.equal(endCards(bot, chris), 1, 'no reminder after an answer');
      bot.clock.set('2026-10-10T06:00:00Z');
      await bot.runDueWork();
      assert.equal(endCards(bot, blake), 2, 'only one');
    });

    it('closes after the programme’s evaluation days, and says so when pressed', async () => {
      const data = buttonData(open(), 'evaluation.end.answer');
      bot.clock.set('2026-10-13T22:00:00Z'); // midnight: closed
      const closed = await send({ ...data, ...fullAnswers });
      assert.match(textOf(closed), /open until 13 Oct 2026 and has closed/);
      assert.deepEqual(verbsOf(closed), []);
      assert.equal((await blakesEnd())?.ratings, undefined);
    });

    it('is shown beside the baseline in `my data`, and `delete my data` removes the answers and the comment', async () => {
      const baseline = latestCardTitled(bot, blake, /^Your starting point/)!;
      await bot.click(blake, 'evaluation.answer', {
        ...buttonData(baseline, 'evaluation.answer'),
        's.strategies': '2',
      });
      await send({ ...buttonData(open(), 'evaluation.end.answer'), ...fullAnswers });
      await bot.say(blake, 'my data');
      const mine = textOf(bot.lastCardTo(blake));
      assert.match(mine, /Exploring teaching strategies[^\n]*\n[^\n]*Before: 2[^\n]*At the end: 4/);
      assert.match(mine, /More time for the talk afterwards/);
      assert.match(mine, /recommend[^\n]*\n[^\n]*9/i);

      await bot.say(blake, 'delete my data');
      await bot.click(blake, 'data.erase', buttonData(bot.lastCardTo(blake), 'data.erase'));
      const doc = await blakesEnd();
      assert.equal(doc?.status, 'erased');
      assert.equal(doc?.ratings, undefined);
      assert.equal(doc?.overall, undefined);
      assert.equal(doc?.comment, undefined);
      await bot.say(blake, 'my data');
      assert.doesNotMatch(textOf(bot.lastCardTo(blake)), /More time for the talk|At the end/);
    });
  });
});
