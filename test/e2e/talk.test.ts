import assert from 'node:assert/strict';
import { avery, execute, message, TestUser, testUser } from '../support/activities';
import { buttonData, moveObservation, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { e2eBot } from '../support/e2e-bot';
import { cardOf, textOf } from '../support/test-bot';

// the host works in Stockholm, the observer in London
const blake = testUser('b', 'Blake Berg', { timeZone: 'Europe/Stockholm', locale: 'en-GB' });
const chris = testUser('c', 'Chris Dahl', { timeZone: 'Europe/London', locale: 'en-GB' });

type Card = Record<string, unknown>;

describe('e2e: a time to talk it over, planned with the observation', () => {
  const bot = e2eBot({ env: { COORDINATOR_AAD_IDS: avery.aadObjectId } });

  const cards = (u: TestUser) =>
    bot.connector
      .to(u.conversationId)
      .map((a) => cardOf(a))
      .filter((c): c is Card => c !== undefined);
  const lastCard = (u: TestUser, text: RegExp) => [...cards(u)].reverse().find((c) => text.test(textOf(c)));

  beforeEach(async () => {
    // Tuesday 1 September 2026, 10:00 in Stockholm
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
  });

  /** Thursday 3 September, 10:00–11:00 in Stockholm (08:00–09:00 UTC), talking it over "later today" */
  const scheduleWithTalk = (talk: Record<string, string> = { talk: 'laterToday', talkTime: '' }) =>
    scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00', ...talk });

  it('offers "later the same day" by default, and both see the talk in their own time zone', async () => {
    await bot.post(message(blake, bot.svc, 'schedule'));
    const form = cardOf(bot.connector.to(blake.conversationId).at(-1));
    assert.match(JSON.stringify(form), /"id":"talk"[^}]*"value":"laterToday"/);
    assert.match(textOf(form), /due when the talk begins/);

    const saved = await scheduleWithTalk();
    assert.match(textOf(saved), /You talk it over Thu, 3 Sept 2026, 11:30–12:00/);
    assert.match(
      textOf(lastCard(chris, /scheduled an observation/)),
      /You talk it over Thu, 3 Sept 2026, 10:30–11:00/,
    );

    await bot.post(message(chris, bot.svc, 'upcoming'));
    assert.match(
      textOf(cardOf(bot.connector.to(chris.conversationId).at(-1))),
      /Talk it over: Thu, 3 Sept 2026, 10:30–11:00/,
    );
  });

  it('sends the after-cards at the end, due when the talk begins, and the summary of what exists at its start', async () => {
    await scheduleWithTalk();
    // the usual after-card time (an hour after the end) would leave no time before the talk at 09:30 UTC
    bot.clock.set('2026-09-03T09:00:00Z');
    await bot.runDueWork();
    const reflection = lastCard(blake, /Your reflection/);
    const feedback = lastCard(chris, /Your feedback for Blake Berg/);
    assert.match(textOf(reflection), /Please answer by .*11:30, when your talk begins/);
    assert.match(textOf(feedback), /Please answer by .*10:30, when your talk begins/);

    await bot.post(
      execute(blake, bot.svc, 'prompt.answer', {
        ...buttonData(reflection, 'prompt.answer'),
        'ah.plan': 'Ask before explaining',
        'ah.learner': 'The student seemed unsure at first',
      }),
    );
    assert.equal(lastCard(chris, /side by side/), undefined, 'no summary while one answer is missing');

    // a reminder halfway through the half hour, then the talk begins: each gets what exists
    bot.clock.set('2026-09-03T09:15:00Z');
    await bot.runDueWork();
    assert.match(String(bot.connector.to(chris.conversationId).at(-1)?.text ?? ''), /gentle reminder/);
    bot.clock.set('2026-09-03T09:29:00Z');
    await bot.runDueWork();
    assert.equal(lastCard(chris, /side by side/), undefined, 'not before the talk');
    bot.clock.set('2026-09-03T09:30:00Z');
    await bot.runDueWork();
    for (const u of [blake, chris]) {
      const summary = lastCard(u, /side by side/);
      assert.match(textOf(summary), /The student seemed unsure at first/);
      assert.match(textOf(summary), /Chris Dahl did not answer/);
    }
  });

  it('moves the talk with the observation, and tells the peer the new time of both', async () => {
    const saved = await scheduleWithTalk({ talk: 'laterToday', talkTime: '15:00' });
    assert.match(textOf(saved), /You talk it over Thu, 3 Sept 2026, 15:00–15:30/);
    const moved = await moveObservation(bot, blake, blake, {
      date: '2026-09-04',
      startTime: '09:00',
      talk: 'laterToday',
      talkTime: '15:00',
      talkMoves: 'true',
    });
    // four hours after the new end, as it was after the old one
    assert.match(
      textOf(moved),
      /Moved to Fri, 4 Sept 2026, 09:00–10:00.*You talk it over Fri, 4 Sept 2026, 14:00–14:30/s,
    );
    assert.match(
      textOf(lastCard(chris, /moved your observation/)),
      /You talk it over Fri, 4 Sept 2026, 13:00–13:30/,
    );
  });

  it('refuses a talk before the observation ends, keeping what was typed', async () => {
    const refused = await scheduleWithTalk({ talk: 'laterToday', talkTime: '10:30' });
    assert.match(textOf(refused), /The talk must come after the observation/);
    assert.match(JSON.stringify(refused), /"id":"talkTime"[^}]*"value":"10:30"/);
    await bot.post(message(blake, bot.svc, 'upcoming'));
    assert.match(textOf(cardOf(bot.connector.to(blake.conversationId).at(-1))), /Nothing scheduled/);
  });
});
