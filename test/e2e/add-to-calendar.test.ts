import assert from 'node:assert/strict';
import { avery, execute, message, TestUser, testUser } from '../support/activities';
import {
  buttonData,
  calendarUrl,
  moveObservation,
  pairUp,
  scheduleObservation,
} from '../support/cycle-fixtures';
import { e2eBot } from '../support/e2e-bot';
import { parseIcs } from '../support/ical';
import { cardOf, textOf } from '../support/test-bot';

// the host works in Stockholm, in English; the observer in London, in Swedish
const blake = testUser('b', 'Blake Berg', { timeZone: 'Europe/Stockholm', locale: 'en-GB' });
const chris = testUser('c', 'Chris Dahl', { timeZone: 'Europe/London', locale: 'sv-SE' });

describe('e2e: Add to calendar', () => {
  const bot = e2eBot({ env: { COORDINATOR_AAD_IDS: avery.aadObjectId } });

  const lastCard = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
  const download = async (url: string) => {
    const res = await fetch(url);
    assert.equal(res.status, 200, url);
    return parseIcs(await res.text());
  };

  let scheduled: Record<string, unknown>;

  beforeEach(async () => {
    // Tuesday 1 September 2026, 10:00 in Stockholm
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    // Thursday 3 September, 10:00–11:00 in Stockholm, talked over at 15:00 the same day
    scheduled = await scheduleObservation(bot, blake, blake, {
      date: '2026-09-03',
      startTime: '10:00',
      talk: 'laterToday',
      talkTime: '15:00',
    });
  });

  it("gives the peer a link in the scheduling notice that downloads the observation and the talk, in the peer's language", async () => {
    const url = calendarUrl(lastCard(chris));
    assert.ok(url.startsWith(`${bot.app.url}/calendar/`), url);
    const file = await download(url);
    assert.equal(file.method, 'PUBLISH');
    assert.deepEqual(
      file.events.map((e) => [e.summary, e.location, e.start, e.end, e.status]),
      [
        [
          'Kollegial observation med Blake Berg',
          'Rond',
          '2026-09-03T08:00:00.000Z',
          '2026-09-03T09:00:00.000Z',
          'CONFIRMED',
        ],
        [
          'Samtal om observationen med Blake Berg',
          'Rond',
          '2026-09-03T13:00:00.000Z',
          '2026-09-03T13:30:00.000Z',
          'CONFIRMED',
        ],
      ],
    );
    assert.ok(!url.includes(chris.aadObjectId) && !/chris|dahl/i.test(url));
  });

  it('gives the scheduler their own link on the card that confirms it, and the same on each entry of upcoming', async () => {
    const url = calendarUrl(scheduled);
    assert.notEqual(url, calendarUrl(lastCard(chris)), 'each member has their own link');
    assert.equal((await download(url)).events[0]?.summary, 'Peer observation with Chris Dahl');

    await bot.post(message(blake, bot.svc, 'upcoming'));
    assert.equal(calendarUrl(lastCard(blake)), url);
  });

  it('updates the same calendar entry after a move, and cancels it after a cancel', async () => {
    const before = await download(calendarUrl(lastCard(chris)));

    const moved = await moveObservation(bot, blake, blake, {
      date: '2026-09-04',
      startTime: '09:00',
      talk: 'laterToday',
      talkTime: '15:00',
    });
    assert.match(textOf(moved), /Moved to/);
    const after = await download(calendarUrl(lastCard(chris)));
    assert.deepEqual(
      after.events.map((e) => e.uid),
      before.events.map((e) => e.uid),
    );
    assert.ok(after.events.every((e, i) => e.sequence > before.events[i]!.sequence));
    assert.equal(after.events[0]?.start, '2026-09-04T07:00:00.000Z');

    await bot.post(message(blake, bot.svc, 'upcoming'));
    await bot.post(
      execute(blake, bot.svc, 'observation.cancel', buttonData(lastCard(blake), 'observation.cancel')),
    );
    const cancelled = await download(calendarUrl(lastCard(chris)));
    assert.equal(cancelled.method, 'CANCEL');
    assert.deepEqual(
      cancelled.events.map((e) => [e.uid, e.status]),
      before.events.map((e) => [e.uid, 'CANCELLED']),
    );
    assert.ok(cancelled.events[0]!.sequence >= after.events[0]!.sequence);
  });

  describe('a Teams meeting invite', () => {
    const inviteUrl = (card: unknown) => {
      const found = JSON.stringify(card).match(
        /"url":"(https:\/\/teams\.microsoft\.com\/l\/meeting\/new[^"]*)"/,
      );
      return found ? new URL(JSON.parse(`"${found[1]}"`)) : undefined;
    };

    it('is offered to the host, pre-filled with both sign-in names, the time and the title, where Teams gave the names', async () => {
      // the roster of each 1:1 chat, as Teams answers when the bot asks who is there
      for (const [u, upn] of [
        [blake, 'Blake.Berg@hospital.example'],
        [chris, 'chris.dahl@hospital.example'],
      ] as const)
        bot.connector.rosters.set(u.conversationId, [
          { id: `29:${u.aadObjectId}`, name: u.name, aadObjectId: u.aadObjectId, userPrincipalName: upn },
        ]);
      await bot.install(blake, chris);
      const card = await scheduleObservation(bot, blake, blake, { date: '2026-09-10', startTime: '10:00' });
      const url = inviteUrl(card);
      assert.ok(url, 'the host is offered the invite');
      assert.deepEqual(Object.fromEntries(url.searchParams), {
        subject: 'Peer observation with Chris Dahl',
        startTime: '2026-09-10T08:00:00.000Z',
        endTime: '2026-09-10T09:00:00.000Z',
        attendees: 'blake.berg@hospital.example,chris.dahl@hospital.example',
      });
      assert.match(textOf(card), /move the invite by hand/);

      await bot.post(message(blake, bot.svc, 'upcoming'));
      assert.ok(inviteUrl(lastCard(blake)), 'and on the host’s upcoming entries');
      await bot.post(message(chris, bot.svc, 'upcoming'));
      assert.equal(inviteUrl(lastCard(chris)), undefined, 'not to the observer');
    });

    it('is not offered while a member’s sign-in name is unknown', async () => {
      assert.equal(inviteUrl(scheduled), undefined);
      assert.doesNotMatch(textOf(scheduled), /move the invite by hand/);
    });
  });
});
