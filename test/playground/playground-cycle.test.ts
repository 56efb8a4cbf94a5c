import assert from 'node:assert/strict';
import {
  ADAPTIVE_CARD,
  choicesOf,
  inputsOf,
  PlaygroundClient,
  ReceivedMessage,
  visibleText,
} from '../support/playground-client';
import {
  assertAllAnsweredWithSuccess,
  AVERY_ZONE,
  BLAKE_ZONE,
  escape,
  headlines,
  MINUTE,
  playgroundSessionHooks,
  shownTime,
  typedAt,
} from '../support/playground-session';
import { verbsOf } from '../support/test-bot';
import { calendarUrl } from '../support/cycle-fixtures';
import { parseIcs } from '../support/ical';
import { TestClock } from '../support/test-clock';

/**
 * A pair completes two reciprocal observation cycles in the Playground on the
 * local policy. The whole bot runs in this process with TIMING_SCALE=minutes (a policy "day" is a
 * minute), against two real Microsoft 365 Agents Playgrounds — Avery Lind, a coordinator, and Blake
 * Berg, her colleague, each in their own time zone. The bot's scheduler does not run by itself: the
 * test moves a clock and runs the due work at each moment, so nobody waits for a real minute to pass
 * and every run sends the same cards at the same moments. Assertions are on what each person's
 * Playground shows.
 */

const PROGRAMME = 'Spring term, Surgery';
/** Tuesday 6 October 2026: 15:00 in Stockholm, 09:00 in Toronto */
const FIRST_MOMENT = '2026-10-06T13:00:00Z';
/** how far ahead each observation is scheduled, and how long it lasts */
const LEAD_MINUTES = 5;
const DURATION_MINUTES = 10;

/** a summary's headline names its date and time, which differ per person: one word for all of them */
const SUMMARY = '(summary)';
const summarised = (headline: string | undefined) =>
  headline && /^Your observation on .*: side by side$/.test(headline) ? SUMMARY : headline;

/** one side of an observation: the person's Playground and the time zone it reports */
interface Side {
  readonly playground: PlaygroundClient;
  readonly zone: string;
}

/** what a pair writes in one cycle */
interface Answers {
  readonly strategy: string;
  readonly focus: string;
  readonly attention: string;
  readonly worked: string;
  readonly onFocus: string;
  readonly plan: string;
}

describe('playground: a pair completes two reciprocal observation cycles on the local policy', function () {
  this.timeout(45_000);

  const clock = new TestClock(FIRST_MOMENT);
  // a policy "day" is a minute; the test runs the due work
  const session = playgroundSessionHooks({ name: 'cycle', clock, env: { TIMING_SCALE: 'minutes' } });
  const runDueWork = () => session.runDueWork();
  let avery: PlaygroundClient;
  let blake: PlaygroundClient;
  let averySide: Side;
  let blakeSide: Side;
  before(() => {
    ({ avery, blake } = session);
    averySide = { playground: avery, zone: AVERY_ZONE };
    blakeSide = { playground: blake, zone: BLAKE_ZONE };
  });
  /** the form Avery opened with "new programme"; her clicks replace its card in place */
  let programme: ReceivedMessage;
  /** where each chat stood once the pair was formed: the cycles' messages come after */
  const cycleFrom = { avery: 0, blake: 0 };
  let firstStart: Date;
  let secondStart: Date;
  let averyFirstSummary: ReceivedMessage;

  /**
   * A minute before the start: the host's and the observer's before-cards. The host answers; the
   * observer's card, still open, is updated in place to show the host's focus; the observer answers.
   */
  async function beforeCards(host: Side, observer: Side, start: Date, answers: Answers): Promise<void> {
    const h = host.playground;
    const o = observer.playground;
    const from = { host: h.messages.length, observer: o.messages.length };
    clock.set(new Date(start.getTime() - MINUTE).toISOString());
    // the two before-cards (and any earlier answered card's reminder or deadline, which sends nothing)
    assert.ok((await runDueWork()) >= 2, 'the two before-cards are due');

    const hostCard = await h.waitForMessage(/^Before you are observed/, from.host);
    const observerCard = await o.waitForMessage(/^Before you observe/, from.observer);
    assert.deepEqual(
      { host: h.messages.length, observer: o.messages.length },
      { host: from.host + 1, observer: from.observer + 1 },
      'one card each, nothing else',
    );
    assert.match(visibleText(hostCard), shownTime(start, host.zone), `in ${h.me.name}'s time zone`);
    assert.match(visibleText(observerCard), shownTime(start, observer.zone), `in ${o.me.name}'s time zone`);
    assert.match(visibleText(hostCard), /Which teaching strategy will you explore\?/);
    assert.match(
      visibleText(observerCard),
      new RegExp(`${h.me.name} has not said yet what to watch for`),
      'the host has not answered yet',
    );
    assert.match(visibleText(observerCard), /not an assessment/);

    const answered = await h.execute(hostCard, 'prompt.answer', {
      'bh.strategy': answers.strategy,
      'bh.focus': answers.focus,
    });
    assert.equal(answered.type, ADAPTIVE_CARD);
    assert.match(visibleText(hostCard), /Thank you — saved/);
    assert.deepEqual(verbsOf(hostCard.card), [], 'an answered card cannot be answered again');

    // the bot updates the observer's card it already sent (updateActivity → an updateMessage frame)
    await o.waitFor(() => observerCard.updates > 0, `${o.me.name}'s before-card to be updated`);
    assert.match(
      visibleText(observerCard),
      new RegExp(`${h.me.name} would like feedback on\n${escape(answers.focus)}`),
    );
    assert.doesNotMatch(visibleText(observerCard), new RegExp(escape(answers.strategy)), 'only the focus');
    assert.deepEqual(verbsOf(observerCard.card), ['prompt.answer'], 'and it is still open');

    await o.execute(observerCard, 'prompt.answer', { 'bo.attention': answers.attention });
    assert.match(visibleText(observerCard), /Thank you — saved/);
    assert.deepEqual(headlines(h, from.host), ['Before you are observed']);
    assert.deepEqual(headlines(o, from.observer), ['Before you observe'], 'updated in place, no new message');
  }

  /**
   * A minute after the end: the observer's feedback card and the host's reflection. Nobody sees the
   * other side until both have answered; then each gets the summary, both answers side by side.
   */
  async function afterCards(
    host: Side,
    observer: Side,
    start: Date,
    answers: Answers,
  ): Promise<{ host: ReceivedMessage; observer: ReceivedMessage }> {
    const h = host.playground;
    const o = observer.playground;
    const from = { host: h.messages.length, observer: o.messages.length };
    const end = start.getTime() + DURATION_MINUTES * MINUTE;
    // the answered before-cards' reminders and deadlines run meanwhile, find them answered, and send nothing
    clock.set(new Date(end + MINUTE - 1).toISOString());
    await runDueWork();
    assert.deepEqual(
      { host: h.messages.length, observer: o.messages.length },
      from,
      'nothing before a minute after the end',
    );
    clock.set(new Date(end + MINUTE).toISOString());
    assert.equal(await runDueWork(), 2, 'the two after-cards are due, nothing else');

    const feedback = await o.waitForMessage(new RegExp(`^Your feedback for ${h.me.name}`), from.observer);
    const reflection = await h.waitForMessage(/^Your reflection/, from.host);
    assert.match(
      visibleText(feedback),
      new RegExp(escape(answers.focus)),
      'the observer is reminded of the focus',
    );

    await o.execute(feedback, 'prompt.answer', { 'ao.worked': answers.worked, 'ao.focus': answers.onFocus });
    assert.match(visibleText(feedback), /Thank you — saved/);
    assert.deepEqual(headlines(h, from.host), ['Your reflection'], 'no summary before both have answered');
    assert.deepEqual(headlines(o, from.observer), [`Your feedback for ${h.me.name}`]);

    await h.execute(reflection, 'prompt.answer', { 'ah.plan': answers.plan, 'ah.safety': '4' });
    assert.match(visibleText(reflection), /Thank you — saved/);

    const [forHost, forObserver] = await Promise.all([
      h.waitForMessage(/side by side/, from.host),
      o.waitForMessage(/side by side/, from.observer),
    ]);
    for (const [summary, side] of [
      [forHost, host],
      [forObserver, observer],
    ] as const) {
      const shown = visibleText(summary);
      assert.match(shown, /^Your observation on .*: side by side/);
      assert.match(
        shown.split('\n')[0]!,
        shownTime(start, side.zone),
        `in ${side.playground.me.name}'s time`,
      );
      assert.match(shown, new RegExp(`${h.me.name}'s reflection and ${o.me.name}'s feedback, by theme`));
      assert.match(shown, new RegExp(`${h.me.name} \\(host\\)`));
      assert.match(shown, new RegExp(`${o.me.name} \\(observer\\)`));
      for (const said of [answers.worked, answers.onFocus, answers.plan])
        assert.match(shown, new RegExp(escape(said)), 'both sides, as they wrote them');
      assert.match(shown, /For your conversation/);
      assert.doesNotMatch(shown, /How safe did being observed feel/, 'the safety rating is never shown');
      assert.deepEqual(verbsOf(summary.card), ['summary.actionPoint', 'schedule.open']);
    }
    assert.deepEqual(headlines(h, from.host).map(summarised), ['Your reflection', SUMMARY]);
    assert.deepEqual(headlines(o, from.observer).map(summarised), [
      `Your feedback for ${h.me.name}`,
      SUMMARY,
    ]);
    return { host: forHost, observer: forObserver };
  }

  it('each person opens their chat and is welcomed', async () => {
    await session.openChats();
  });

  it('the coordinator creates a programme, keeping the form as it comes: the local policy in minutes', async () => {
    const from = avery.messages.length;
    await avery.send('new programme');
    programme = await avery.waitForMessage(/New programme/, from);
    const offered = inputsOf(programme.card);
    const value = (id: string) => String(offered.get(id)?.value ?? '');
    // localPolicy: before-card 1 "day" (minute) before, after-card 1 minute after, reminder 1, deadline 3
    assert.deepEqual(['beforeDays', 'afterMinutes', 'reminderDays', 'deadlineDays'].map(value), [
      '1',
      '1',
      '1',
      '3',
    ]);
    assert.equal(value('workingDays'), '1,2,3,4,5,6,7');
    assert.equal(value('startDate'), '2026-10-06', "today, by the bot's clock");

    const answer = await avery.execute(programme, 'programme.save', { name: PROGRAMME });
    assert.equal(answer.type, ADAPTIVE_CARD);
    assert.match(visibleText(programme), new RegExp(`^${PROGRAMME}\nSaved\\.`));
  });

  it('she enrols herself and Blake and pairs them by hand; each is told who their peer is', async () => {
    await avery.execute(programme, 'enrol.open');
    await avery.execute(programme, 'enrol.save', {
      people: [avery.me.aadObjectId, blake.me.aadObjectId].join(','),
    });
    assert.match(visibleText(programme), /Enrolled now \(2\)\nAvery Lind and Blake Berg/);

    await avery.execute(programme, 'pairing.open');
    assert.match(
      visibleText(programme),
      new RegExp(`^Pair supervisors in ${PROGRAMME}\n2 waiting for a peer`),
    );
    assert.deepEqual(
      choicesOf(programme.card, 'first')
        .map((c) => c.title)
        .sort(),
      ['Avery Lind', 'Blake Berg'],
    );
    await avery.execute(programme, 'pairing.manual', {
      first: avery.me.aadObjectId,
      second: blake.me.aadObjectId,
    });
    const shown = visibleText(programme);
    assert.match(shown, new RegExp(`^${PROGRAMME}`), 'back on the programme card');
    assert.match(shown, /Paired\n2/);
    assert.match(shown, /New pairs: Avery Lind and Blake Berg\. Everyone paired has been told/);
    assert.match(shown, /Pairs\n- Avery Lind and Blake Berg/);

    const [toBlake, toAvery] = await Promise.all([
      blake.waitForMessage(/You have a peer in/),
      avery.waitForMessage(/You have a peer in/),
    ]);
    assert.match(visibleText(toBlake), /Your peer: Avery Lind\./);
    assert.match(visibleText(toAvery), /Your peer: Blake Berg\./);
    // enrolled, each is invited once to the programme's short baseline; they may leave it
    assert.equal(await runDueWork(), 2, 'the two baseline invitations');
    await Promise.all([
      blake.waitForMessage(/^Your starting point/),
      avery.waitForMessage(/^Your starting point/),
    ]);
    cycleFrom.avery = avery.messages.length;
    cycleFrom.blake = blake.messages.length;
  });

  const first: Answers = {
    strategy: 'Let the student lead the bedside history',
    focus: 'How long I wait before stepping in',
    attention: 'The silences, and who breaks them',
    worked: 'You let the student finish every question',
    onFocus: 'You waited about ten seconds twice',
    plan: 'Better than planned, but I stepped in once too early',
  };

  it('cycle 1: Blake schedules an observation he hosts, in Toronto time; Avery is told in Stockholm time', async () => {
    const from = avery.messages.length;
    await blake.send('schedule');
    const form = await blake.waitForMessage(/^Schedule an observation/, cycleFrom.blake);
    assert.match(visibleText(form), /Times are in your time zone \(America\/Toronto\)/);
    assert.deepEqual(
      choicesOf(form.card, 'hostId')
        .map((c) => c.title)
        .sort(),
      ['Avery Lind', 'Blake Berg (you)'],
    );
    assert.equal(
      inputsOf(form.card).get('hostId')?.value,
      blake.me.aadObjectId,
      'he hosts, unless he says not',
    );

    firstStart = new Date(clock.now().getTime() + LEAD_MINUTES * MINUTE);
    const answer = await blake.execute(form, 'schedule.save', {
      ...typedAt(firstStart, BLAKE_ZONE),
      durationMinutes: String(DURATION_MINUTES),
      hostId: blake.me.aadObjectId,
      setting: 'bedsideTeaching',
      learnerLevel: 'intern',
      talk: 'laterToday',
      talkTime: '',
    });
    assert.equal(answer.type, ADAPTIVE_CARD);
    const saved = visibleText(form);
    assert.match(saved, /You talk it over /);
    assert.match(saved, /Scheduled: .*Avery Lind has been told/);
    assert.match(saved, shownTime(firstStart, BLAKE_ZONE));
    assert.deepEqual(verbsOf(form.card), [], 'a saved schedule card cannot be saved again');

    const notice = await avery.waitForMessage(/^New observation/, from);
    assert.match(
      visibleText(notice),
      /Blake Berg scheduled an observation: .*Your peer hosts; you observe\./,
    );
    assert.match(visibleText(notice), shownTime(firstStart, AVERY_ZONE));
    // Add to calendar: the link on Avery's notice, and the one on Blake's saved card, each download
    // that person's own file of the observation and the talk
    const talkStart = new Date(firstStart.getTime() + (DURATION_MINUTES + 30) * MINUTE).toISOString();
    for (const [card, peer] of [
      [notice.card, 'Blake Berg'],
      [form.card, 'Avery Lind'],
    ] as const) {
      const res = await fetch(calendarUrl(card));
      assert.equal(res.status, 200);
      const file = await parseIcs(await res.text());
      assert.deepEqual(
        file.events.map((e) => [e.summary, e.start]),
        [
          [`Peer observation with ${peer}`, firstStart.toISOString()],
          [`Talk it over with ${peer}`, talkStart],
        ],
      );
    }
    assert.equal(await runDueWork(), 0, 'nothing goes out before its time');
  });

  it('cycle 1, a minute before: both get their before-card; Blake gives his focus and it appears on Avery’s card', async () => {
    await beforeCards(blakeSide, averySide, firstStart, first);
  });

  it('cycle 1, a minute after the end: Avery’s feedback and Blake’s reflection, then the summary for both', async () => {
    const summaries = await afterCards(blakeSide, averySide, firstStart, first);
    averyFirstSummary = summaries.observer;
  });

  it('cycle 2: from her summary Avery opens the return visit, pre-filled with her as host, and schedules it', async () => {
    const from = { avery: avery.messages.length, blake: blake.messages.length };
    const summaryShown = visibleText(averyFirstSummary);
    const answer = await avery.execute(averyFirstSummary, 'schedule.open');
    assert.notEqual(answer.type, ADAPTIVE_CARD, 'the summary stays as it is');
    assert.equal(visibleText(averyFirstSummary), summaryShown);

    const form = await avery.waitForMessage(/^Schedule the return visit/, from.avery);
    assert.match(visibleText(form), /Times are in your time zone \(Europe\/Stockholm\)/);
    const prefilled = inputsOf(form.card);
    assert.equal(prefilled.get('hostId')?.value, avery.me.aadObjectId, 'roles swapped: Avery hosts');
    assert.equal(
      prefilled.get('durationMinutes')?.value,
      DURATION_MINUTES,
      'a number, as Input.Number has it',
    );
    assert.equal(prefilled.get('setting')?.value, 'bedsideTeaching');
    assert.equal(prefilled.get('learnerLevel')?.value, 'intern');

    secondStart = new Date(clock.now().getTime() + LEAD_MINUTES * MINUTE);
    const saved = await avery.execute(form, 'schedule.save', typedAt(secondStart, AVERY_ZONE));
    assert.equal(saved.type, ADAPTIVE_CARD);
    assert.match(visibleText(form), /Scheduled: .*Blake Berg has been told/);
    assert.match(visibleText(form), shownTime(secondStart, AVERY_ZONE));

    const notice = await blake.waitForMessage(/^New observation/, from.blake);
    assert.match(
      visibleText(notice),
      /Avery Lind scheduled an observation: .*Your peer hosts; you observe\./,
    );
    assert.match(visibleText(notice), shownTime(secondStart, BLAKE_ZONE));
    assert.equal(await runDueWork(), 0, 'nothing goes out before its time');
  });

  const second: Answers = {
    strategy: 'Ask the intern to present before I examine',
    focus: 'Whether my questions open or close the discussion',
    attention: 'Open and closed questions, counted',
    worked: 'The intern presented without interruption',
    onFocus: 'Seven open questions, two closed ones',
    plan: 'The intern took more of the lead than I expected',
  };

  it('cycle 2, a minute before: roles swapped — Avery is observed, Blake observes and sees her focus', async () => {
    await beforeCards(averySide, blakeSide, secondStart, second);
  });

  it('cycle 2, a minute after the end: Blake’s feedback and Avery’s reflection, then the summary for both', async () => {
    await afterCards(averySide, blakeSide, secondStart, second);
  });

  it('Blake’s history lists both summaries; nothing is left to send', async () => {
    const from = blake.messages.length;
    await blake.send('history');
    const history = await blake.waitForMessage(/^Your past summaries/, from);
    const shown = visibleText(history);
    const lines = shown.split('\n').filter((l) => / — Avery Lind$/.test(l));
    assert.equal(lines.length, 2, `two summaries with Avery Lind in:\n${shown}`);
    assert.match(lines[0]!, shownTime(secondStart, BLAKE_ZONE), 'the latest first, in his time zone');
    assert.match(lines[1]!, shownTime(firstStart, BLAKE_ZONE));
    assert.deepEqual(verbsOf(history.card), ['summary.open', 'summary.open']);

    // every card was answered: the reminders and deadlines still due find nothing to do, and no
    // follow-up (no action point) is waiting — nothing more reaches either chat
    const sentBefore = { avery: avery.messages.length, blake: blake.messages.length };
    clock.set(new Date(clock.now().getTime() + 24 * 60 * MINUTE).toISOString());
    await runDueWork();
    assert.equal(await runDueWork(), 0, 'nothing left to run');
    assert.deepEqual({ avery: avery.messages.length, blake: blake.messages.length }, sentBefore);
  });

  it('what each chat shows, in order', () => {
    assert.deepEqual(headlines(blake, cycleFrom.blake).map(summarised), [
      'Schedule an observation',
      'Before you are observed',
      'Your reflection',
      SUMMARY,
      'New observation',
      'Before you observe',
      'Your feedback for Avery Lind',
      SUMMARY,
      'Your past summaries',
    ]);
    assert.deepEqual(headlines(avery, cycleFrom.avery).map(summarised), [
      'New observation',
      'Before you observe',
      'Your feedback for Blake Berg',
      SUMMARY,
      'Schedule the return visit',
      'Before you are observed',
      'Your reflection',
      SUMMARY,
    ]);
  });

  it('the bot answered every activity both Playgrounds sent it with success', async () => {
    await assertAllAnsweredWithSuccess(
      [avery, blake],
      ['installationUpdate', 'conversationUpdate', 'message', 'invoke'],
    );
  });
});
