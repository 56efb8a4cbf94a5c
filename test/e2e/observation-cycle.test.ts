import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import assert from 'node:assert/strict';
import { avery, execute, message, TestUser, testUser } from '../support/activities';
import { cardsTo, latestCardTitled } from '../support/e2e-bot';
import {
  cardOf,
  invokeCard,
  startTestBot,
  storedIn,
  TestBot,
  textOf,
  titleOf,
  verbsOf,
} from '../support/test-bot';

// the host works in Stockholm, the observer in London: each sees times in their own zone
const blake = testUser('b', 'Blake Berg', { timeZone: 'Europe/Stockholm', locale: 'en-GB' });
const chris = testUser('c', 'Chris Dahl', { timeZone: 'Europe/London', locale: 'en-GB' });

type Card = Record<string, unknown>;

/** a card's title: its first line of text */

describe('e2e: a whole observation cycle, driven by the clock', () => {
  let bot: TestBot;
  let svc: string;

  const sentTo = (u: TestUser) => bot.connector.sent.filter((s) => s.conversationId === u.conversationId);
  const cards = (u: TestUser) => cardsTo(bot, u);
  const lastCardMatching = (u: TestUser, title: RegExp) => latestCardTitled(bot, u, title);
  const answer = async (u: TestUser, card: Card | undefined, answers: Record<string, string>) =>
    invokeCard(
      (await bot.post(execute(u, svc, 'prompt.answer', { ...buttonData(card, 'prompt.answer'), ...answers })))
        .body,
    );

  /** `u` presses "Did not happen" on the last card sent to them; the card the bot answered with */
  const saysItDidNotHappen = async (u: TestUser) =>
    invokeCard(
      (
        await bot.post(
          execute(
            u,
            svc,
            'observation.didNotHappen',
            buttonData(cards(u).at(-1), 'observation.didNotHappen'),
          ),
        )
      ).body,
    );

  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    // Tuesday 1 September 2026, 10:00 in Stockholm
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
  });
  afterEach(() => bot.close());

  async function scheduleThursdayAtTen(by: TestUser, host: TestUser): Promise<Card> {
    return scheduleObservation(bot, by, host, { date: '2026-09-03', startTime: '10:00' });
  }

  it('schedule → before-cards → after-cards → summary side by side → action point → follow-up, each in their own time zone', async () => {
    const scheduled = await scheduleThursdayAtTen(blake, blake);
    assert.match(textOf(scheduled), /Scheduled: Thu, 3 Sept 2026, 10:00–11:00/);
    assert.deepEqual(verbsOf(scheduled), []);
    // Chris is told, in London time (09:00)
    assert.match(
      textOf(cards(chris).at(-1)),
      /Blake Berg scheduled an observation: Thu, 3 Sept 2026, 09:00–10:00/,
    );

    // nothing goes out before its time
    assert.equal(await bot.runDueWork(), 0);

    // the working day before, 16:00 in Stockholm (14:00 UTC): the host's card
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    const hostBefore = lastCardMatching(blake, /Before you are observed/);
    assert.ok(hostBefore, 'the host has the before-card');
    assert.match(textOf(hostBefore), /Which teaching strategy will you explore/);
    assert.equal(lastCardMatching(chris, /Before you observe/), undefined, 'not yet 16:00 in London');

    // 16:00 in London (15:00 UTC): the observer's card, without the host's focus yet
    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    const observerBefore = lastCardMatching(chris, /Before you observe/);
    assert.match(textOf(observerBefore), /has not said yet what to watch for/);
    assert.match(textOf(observerBefore), /not an assessment/);

    // the host answers; a second click changes nothing; the observer's card now shows the focus
    const answered = await answer(blake, hostBefore, {
      'bh.strategy': 'Let the student lead the history',
      'bh.focus': 'How I hold back my own questions',
    });
    assert.match(textOf(answered), /Thank you — saved/);
    assert.deepEqual(verbsOf(answered), [], 'an answered card cannot be answered again');
    const again = await answer(blake, hostBefore, { 'bh.strategy': 'Something else', 'bh.focus': 'Other' });
    assert.match(textOf(again), /Thank you — saved/);
    const observerCardId = sentTo(chris).find((s) =>
      /Before you observe/.test(textOf(cardOf(s.activity))),
    )!.id;
    const refreshed = bot.connector.updated.filter((u) => u.id === observerCardId).at(-1);
    assert.match(textOf(cardOf(refreshed?.activity)), /How I hold back my own questions/);
    assert.doesNotMatch(textOf(cardOf(refreshed?.activity)), /Something else/);

    // someone else's card: refused, nothing stored
    await bot.post(
      execute(chris, svc, 'prompt.answer', {
        ...buttonData(hostBefore, 'prompt.answer'),
        'bh.strategy': 'x',
        'bh.focus': 'y',
      }),
    );
    assert.match(String(sentTo(chris).at(-1)?.activity.text), /belongs to someone else/);

    // an hour after the end (10:00 UTC on Thursday): both after-cards
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    const feedback = lastCardMatching(chris, /Your feedback for Blake Berg/);
    const reflection = lastCardMatching(blake, /Your reflection/);
    assert.ok(feedback && reflection);
    assert.match(
      textOf(feedback),
      /How I hold back my own questions/,
      'the observer is reminded of the focus',
    );

    await answer(chris, feedback, {
      'ao.worked': 'You waited for the student',
      'ao.focus': 'Twice you let silence work',
    });
    assert.equal(
      lastCardMatching(blake, /side by side/),
      undefined,
      'nobody sees the other side before both have answered',
    );

    // a refused answer keeps everything typed
    const refused = await answer(blake, reflection, { 'ah.noticed': 'I felt rushed' });
    assert.match(textOf(refused), /Please answer this one/);
    assert.match(JSON.stringify(refused), /I felt rushed/);
    await answer(blake, reflection, {
      'ah.plan': 'Better than planned',
      'ah.noticed': 'I felt rushed',
      'ah.safety': '4',
    });

    const summaryForBlake = lastCardMatching(blake, /side by side/);
    const summaryForChris = lastCardMatching(chris, /side by side/);
    assert.ok(summaryForBlake && summaryForChris, 'both get the summary');
    const summaryText = textOf(summaryForChris);
    assert.match(summaryText, /Better than planned/);
    assert.match(summaryText, /Twice you let silence work/);
    assert.match(summaryText, /Exploring a teaching strategy/);
    assert.doesNotMatch(
      JSON.stringify(summaryForChris),
      /"4"|safe \(1–5\)/,
      'the safety rating is never shown to the pair',
    );
    assert.match(summaryText, /For your conversation/);

    // an action point, and the follow-up two weeks later
    const added = invokeCard(
      (
        await bot.post(
          execute(blake, svc, 'summary.actionPoint', {
            ...buttonData(summaryForBlake, 'summary.actionPoint'),
            actionPoint: 'Count to five before stepping in',
          }),
        )
      ).body,
    );
    assert.match(textOf(added), /I will ask you in 2 weeks/);
    bot.clock.set('2026-09-17T10:30:00Z');
    await bot.runDueWork();
    const followUp = lastCardMatching(blake, /Your action point/);
    assert.match(textOf(followUp), /Count to five before stepping in/);
    assert.match(textOf(followUp), /Did you try it/);

    // the return visit: roles swapped, pre-filled
    await bot.post(execute(chris, svc, 'schedule.open', buttonData(summaryForChris, 'schedule.open')));
    const returnForm = cards(chris).at(-1);
    assert.match(textOf(returnForm), /Schedule the return visit/);
    assert.match(JSON.stringify(returnForm), new RegExp(`"id":"hostId"[^}]*"value":"${chris.aadObjectId}"`));

    // the follow-up's answer joins the pair's history
    await answer(blake, followUp, {
      'fu.tried': 'yes',
      'fu.happened': 'The student found the answer herself',
    });
    await bot.post(message(blake, svc, 'history'));
    const historyCard = cards(blake).at(-1);
    assert.match(textOf(historyCard), /Your past summaries[\s\S]*Chris Dahl/);
    await bot.post(execute(blake, svc, 'summary.open', buttonData(historyCard, 'summary.open')));

    // retention: every document of the pair's content expires after the programme (Cosmos DB ttl)
    const resources = await storedIn(bot, 'cycles');
    assert.ok(resources.length >= 6);
    for (const doc of resources) {
      assert.ok(
        typeof doc.ttl === 'number' && doc.ttl > 0,
        `${String(doc.type)} ${String(doc.id)} has no ttl`,
      );
    }
    assert.match(
      textOf(cards(blake).at(-1)),
      /Count to five before stepping in — Did you try it\? Yes — The student found the answer herself/,
    );

    // the reminders and deadlines of the answered cards still run later, and do nothing
    const before = bot.connector.sent.length;
    bot.clock.set('2026-09-20T10:00:00Z');
    await bot.runDueWork();
    const later = bot.connector.sent
      .slice(before)
      .map((s) => String(s.activity.text ?? textOf(cardOf(s.activity))));
    assert.equal(
      later.filter((t) => /gentle reminder|no longer be answered|expired/i.test(t)).length,
      0,
      later.join(' | '),
    );
  });

  it('never stores an identifier: the writer sees what was found, masked, and nothing typed is lost', async () => {
    await scheduleThursdayAtTen(blake, blake);
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    const card = lastCardMatching(blake, /Before you are observed/);
    const typed = {
      'bh.strategy': 'Let the student (pnr 811218-9876) lead',
      'bh.focus': 'Call me on 070-123 45 67 afterwards',
    };
    const refused = await answer(blake, card, typed);
    const text = textOf(refused);
    assert.match(text, /looks like a personal identity number \(••••••-••76\)/);
    assert.match(text, /looks like a phone number/);
    assert.doesNotMatch(
      JSON.stringify(refused).replace(/"value":"[^"]*"/g, ''),
      /811218-9876/,
      'only the box holds it',
    );
    assert.match(
      JSON.stringify(refused),
      /Let the student \(pnr 811218-9876\) lead/,
      'what was typed is kept',
    );
    const { resources } = await bot.app.store.containers.cycles.items
      .query("SELECT * FROM c WHERE c.type = 'prompt' AND c.kind = 'beforeHost'")
      .fetchAll();
    assert.equal(resources[0]?.status, 'sent');
    assert.doesNotMatch(JSON.stringify(resources), /811218/, 'nothing was stored');

    const saved = await answer(blake, card, {
      'bh.strategy': 'Let the student lead',
      'bh.focus': 'How I hold back',
    });
    assert.match(textOf(saved), /Thank you — saved/);
  });

  it('refuses a time in the past, outside the programme, too long, or clashing — with the typed values kept', async () => {
    await bot.post(message(blake, svc, 'schedule'));
    const form = cards(blake).at(-1);
    const attempt = async (date: string, startTime: string, durationMinutes: string) =>
      textOf(
        invokeCard(
          (
            await bot.post(
              execute(blake, svc, 'schedule.save', {
                ...buttonData(form, 'schedule.save'),
                date,
                startTime,
                durationMinutes,
                hostId: blake.aadObjectId,
                setting: 'outpatientClinic',
                learnerLevel: 'intern',
              }),
            )
          ).body,
        ),
      );
    assert.match(await attempt('2026-08-31', '10:00', '60'), /in the past/);
    assert.match(await attempt('2027-06-01', '10:00', '60'), /outside the programme/);
    assert.match(await attempt('2026-09-03', '10:00', '600'), /from 10 to 480 minutes/);
    assert.match(await attempt('2026-09-03', '10:00', '60'), /Scheduled/);
    await bot.post(message(chris, svc, 'schedule'));
    const clash = invokeCard(
      (
        await bot.post(
          execute(chris, svc, 'schedule.save', {
            ...buttonData(cards(chris).at(-1), 'schedule.save'),
            date: '2026-09-03',
            startTime: '09:30', // 10:30 in Stockholm: inside Blake's observation
            durationMinutes: '30',
            hostId: chris.aadObjectId,
            setting: 'primaryCare',
            learnerLevel: 'resident',
          }),
        )
      ).body,
    );
    assert.match(textOf(clash), /already has an observation then/);
    assert.match(JSON.stringify(clash), /"value":"09:30"/);
  });

  it('moves pending cards with a reschedule and withdraws a card already sent on cancel', async () => {
    await scheduleThursdayAtTen(blake, blake);
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    const hostCard = sentTo(blake).find((s) => /Before you are observed/.test(titleOf(cardOf(s.activity))))!;

    // Chris moves it to Friday 4 September, 13:00 London
    await bot.post(message(chris, svc, 'upcoming'));
    const list = cards(chris).at(-1);
    await bot.post(execute(chris, svc, 'schedule.open', buttonData(list, 'schedule.open')));
    const moveForm = cards(chris).at(-1);
    assert.match(textOf(moveForm), /Move the observation/);
    const moved = invokeCard(
      (
        await bot.post(
          execute(chris, svc, 'schedule.save', {
            ...buttonData(moveForm, 'schedule.save'),
            date: '2026-09-04',
            startTime: '13:00',
            durationMinutes: '60',
            hostId: blake.aadObjectId,
            setting: 'wardRound',
            learnerLevel: 'studentLate',
          }),
        )
      ).body,
    );
    assert.match(textOf(moved), /Moved to Fri, 4 Sept 2026, 13:00–14:00/);
    assert.match(
      textOf(cards(blake).at(-1)),
      /Chris Dahl moved your observation to Fri, 4 Sept 2026, 14:00–15:00/,
    );
    // the host's card already out is refreshed with the new time, and stays answerable
    const refreshed = bot.connector.updated.filter((u) => u.id === hostCard.id).at(-1);
    assert.match(textOf(cardOf(refreshed?.activity)), /Fri, 4 Sept 2026/);
    assert.deepEqual(verbsOf(cardOf(refreshed?.activity)), ['prompt.answer']);
    // Chris's before-card now comes Thursday 16:00 London, not Wednesday
    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    assert.equal(lastCardMatching(chris, /Before you observe/), undefined);
    bot.clock.set('2026-09-03T15:00:00Z');
    await bot.runDueWork();
    assert.ok(lastCardMatching(chris, /Before you observe/));

    // Blake cancels: both before-cards are withdrawn in place, the after-cards never go out
    await bot.post(message(blake, svc, 'upcoming'));
    const cancelled = invokeCard(
      (
        await bot.post(
          execute(blake, svc, 'observation.cancel', buttonData(cards(blake).at(-1), 'observation.cancel')),
        )
      ).body,
    );
    assert.match(textOf(cancelled), /Cancelled. Chris Dahl has been told/);
    const withdrawn = bot.connector.updated.filter((u) => u.id === hostCard.id).at(-1);
    assert.match(textOf(cardOf(withdrawn?.activity)), /withdrawn/);
    assert.deepEqual(verbsOf(cardOf(withdrawn?.activity)), []);
    bot.clock.set('2026-09-05T12:00:00Z');
    await bot.runDueWork();
    assert.equal(lastCardMatching(blake, /Your reflection/), undefined);
    assert.match(
      textOf(cards(chris).find((c) => /cancelled the observation/.test(textOf(c)))),
      /Blake Berg cancelled/,
    );
  });

  it('at the deadline, expires the unanswered card in place and sends the summary with what exists', async () => {
    await scheduleThursdayAtTen(blake, blake);
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    const feedback = lastCardMatching(chris, /Your feedback for Blake Berg/);
    await answer(chris, feedback, { 'ao.worked': 'Calm pace', 'ao.focus': 'Open questions' });

    // one gentle reminder the next working day, then the deadline seven days after sending
    bot.clock.set('2026-09-04T10:00:00Z');
    await bot.runDueWork();
    assert.match(String(sentTo(blake).at(-1)?.activity.text), /A gentle reminder/);
    bot.clock.set('2026-09-10T10:00:00Z');
    await bot.runDueWork();
    const reflectionId = sentTo(blake).find((s) => /Your reflection/.test(titleOf(cardOf(s.activity))))!.id;
    assert.match(
      textOf(cardOf(bot.connector.updated.filter((u) => u.id === reflectionId).at(-1)?.activity)),
      /expired/,
    );
    const summary = lastCardMatching(chris, /side by side/);
    assert.match(textOf(summary), /Blake Berg did not answer this time/);
    assert.match(textOf(summary), /Open questions/);
    // the expired card cannot be answered any more
    const late = await answer(
      blake,
      cards(blake).find((c) => /Your reflection/.test(titleOf(c))),
      { 'ah.plan': 'late' },
    );
    assert.match(textOf(late), /expired/);
  });

  it('records that an observation did not happen, without blame, and offers a new time', async () => {
    await scheduleThursdayAtTen(blake, blake);
    await bot.post(message(chris, svc, 'upcoming'));
    const done = await saysItDidNotHappen(chris);
    assert.match(textOf(done), /Nothing is held against anyone/);
    assert.deepEqual(verbsOf(done), ['schedule.open']);
    assert.match(textOf(cards(blake).at(-1)), /did not happen. No blame/);
  });

  it('keeps an observation that has started from being cancelled: only "did not happen" is offered, and the figures stay', async () => {
    await scheduleThursdayAtTen(blake, blake);
    await bot.post(message(blake, svc, 'upcoming'));
    const beforeStart = cards(blake).at(-1);
    assert.ok(verbsOf(beforeStart).includes('observation.cancel'), 'before it starts, it can be cancelled');
    const report = async () => {
      await bot.post(message(avery, svc, 'report'));
      return textOf(cards(avery).at(-1));
    };

    // Thursday 10:30 in Stockholm: the observation is under way
    bot.clock.set('2026-09-03T08:30:00Z');
    const figures = await report();
    await bot.post(message(blake, svc, 'upcoming'));
    assert.deepEqual(verbsOf(cards(blake).at(-1)), ['observation.didNotHappen'], 'no Cancel, no Move');

    // the Cancel button of the card shown before it started
    const toChris = sentTo(chris).length;
    const res = await bot.post(
      execute(blake, svc, 'observation.cancel', buttonData(beforeStart, 'observation.cancel')),
    );
    assert.equal(res.status, 200);
    assert.match(
      String(sentTo(blake).at(-1)?.activity.text),
      /has already started, so it cannot be cancelled/,
    );
    assert.equal(sentTo(chris).length, toChris, 'Chris is told nothing');
    assert.deepEqual(
      (await storedIn(bot, 'cycles', 'observation')).map((o) => o.status),
      ['scheduled'],
    );
    assert.equal(await report(), figures, "the coordinator's figures are unchanged");

    // that it did not happen can still be said
    const done = await saysItDidNotHappen(blake);
    assert.match(textOf(done), /Nothing is held against anyone/);
  });

  it('holds at most ten observations ahead for a pair: the eleventh is refused, stored nowhere and told to nobody', async () => {
    const days = ['03', '04', '07', '08', '09', '10', '11', '14', '15', '16'];
    for (const day of days) {
      const card = await scheduleObservation(bot, blake, blake, {
        date: `2026-09-${day}`,
        startTime: '10:00',
      });
      assert.match(textOf(card), /Scheduled/, day);
    }
    const toChris = sentTo(chris).length;
    const eleventh = await scheduleObservation(bot, chris, chris, { date: '2026-09-17', startTime: '10:00' });
    assert.match(textOf(eleventh), /already have 10 observations ahead/);
    assert.doesNotMatch(textOf(eleventh), /Scheduled:/);
    assert.equal(
      sentTo(blake).filter((s) => /scheduled an observation/.test(textOf(cardOf(s.activity)))).length,
      0,
    );
    assert.equal(sentTo(chris).length, toChris + 1, 'Chris sees only his own schedule card');
    const count = async () => (await storedIn(bot, 'cycles', 'observation')).length;
    assert.equal(await count(), 10);

    // once the first has ended there is room again
    bot.clock.set('2026-09-03T09:00:00Z');
    const later = await scheduleObservation(bot, chris, chris, { date: '2026-09-17', startTime: '10:00' });
    assert.match(textOf(later), /Scheduled/);
    assert.equal(await count(), 11);
  });

  it('tells the peer to talk in person when Teams says the other cannot be reached (403)', async () => {
    await scheduleThursdayAtTen(blake, blake);
    bot.connector.failures.set(chris.conversationId, { status: 403, code: 'ConversationBlockedByUser' });
    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    assert.match(textOf(cards(blake).at(-1)), /cannot reach Chris Dahl in Teams.*talk to them in person/s);
  });
});
