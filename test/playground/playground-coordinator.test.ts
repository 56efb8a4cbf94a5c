import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { capturedLog } from '../support/captured-log';
import {
  ADAPTIVE_CARD,
  choicesOf,
  inputsOf,
  nodesOf,
  PlaygroundClient,
  ReceivedMessage,
  visibleText,
} from '../support/playground-client';
import {
  assertAllAnsweredWithSuccess,
  AVERY_ZONE,
  headlines,
  MINUTE,
  playgroundSessionHooks,
  shownAt,
} from '../support/playground-session';
import { verbsOf } from '../support/test-bot';
import { TestClock } from '../support/test-clock';

/**
 * Issue 4's "done when", in the Playground: a coordinator sees where the programme stands, nudges
 * the right people with live progress, and exports the figures. The whole bot runs in this process
 * in local mode (anonymous, so exports go to the chat: the Playground cannot show Teams' file-consent
 * card), against two real Microsoft 365 Agents Playgrounds — Avery Lind, a coordinator, and Blake
 * Berg, her colleague. The dispatch loop does not run by itself: the test ticks it, so the nudge goes
 * out exactly when the test says. Assertions are on what each person's Playground shows.
 * (That none of it carries what supervisors wrote is test/e2e/canary.test.ts.)
 */

const PROGRAMME = 'Winter term, Paediatrics';
/** Tuesday 6 October 2026, 15:00 in Stockholm */
const FIRST_MOMENT = '2026-10-06T13:00:00Z';
const FEWER_THAN_FIVE = 'fewer than 5';
const NOTE = 'A note from your programme coordinator';

/** the rows of every FactSet on a card, as "title: value", in order */
function factsOf(card: unknown): string[] {
  return nodesOf(card)
    .filter((n) => n.type === 'FactSet')
    .flatMap((n) => n.facts as { title: string; value: string }[])
    .map((f) => `${f.title}: ${f.value}`);
}

/** the one element of this type on a card */
function elementOf(card: unknown, type: string): Record<string, unknown> {
  const found = nodesOf(card).filter((n) => n.type === type);
  assert.equal(found.length, 1, `one ${type} on the card`);
  return found[0]!;
}

describe('playground: a coordinator sees where the programme stands, nudges with live progress and exports', function () {
  this.timeout(45_000);

  const clock = new TestClock(FIRST_MOMENT);
  /** the form Avery opened with "new programme"; her clicks replace its card in place */
  let programme: ReceivedMessage;
  /** the programme's target of observations per person, as the form came filled in */
  let target: string;
  /** the report card Avery opened with "report" */
  let report: ReceivedMessage;
  /** the figures the report card shows, "label: value" */
  let reportFacts: string[];
  /** the ready-made "peer" wording, as the compose card offers it */
  let peerWording: string;
  /** when each coordinator action happened, by the bot's clock, for the audit log */
  const did: { action: string; at: Date }[] = [];
  /** every warning or error the bot logged: a Playground request it mishandled shows up here */
  const { log, lines: problems } = capturedLog('warn');
  // local mode: no EXPORT_AS, so an anonymous bot shows the CSV in the chat; the test runs the due work
  const session = playgroundSessionHooks({
    name: 'coordinator',
    clock,
    logger: log,
    appStarted: (_app, config) => {
      assert.equal(config.exportAs, 'chat', 'an anonymous bot exports to the chat by default');
      // local mode says so at start (the embedded store, anonymous requests); from here on, nothing
      problems.length = 0;
    },
  });
  const runDueWork = () => session.runDueWork();
  let avery: PlaygroundClient;
  let blake: PlaygroundClient;
  before(() => ({ avery, blake } = session));

  /** a minute passes between coordinator actions, so that the audit log's order is not a tie */
  const aMinuteLater = () => clock.advance(MINUTE);

  it('each person opens their chat and is welcomed', async () => {
    await session.openChats();
  });

  it('the coordinator creates a programme and enrols both, leaving them unpaired', async () => {
    let from = avery.messages.length;
    await avery.send('new programme');
    programme = await avery.waitForMessage(/New programme/, from);
    target = String(inputsOf(programme.card).get('targetObservations')?.value ?? '');
    assert.match(target, /^\d+$/, 'the form comes with a target');
    await avery.execute(programme, 'programme.save', { name: PROGRAMME });
    assert.match(visibleText(programme), new RegExp(`^${PROGRAMME}\nSaved\\.`));
    did.push({ action: 'created the programme', at: clock.now() });

    aMinuteLater();
    await avery.execute(programme, 'enrol.open');
    from = blake.messages.length;
    await avery.execute(programme, 'enrol.save', {
      people: [avery.me.aadObjectId, blake.me.aadObjectId].join(','),
    });
    assert.match(visibleText(programme), /Enrolled now \(2\)\nAvery Lind and Blake Berg/);
    did.push({ action: 'enrolled supervisors', at: clock.now() });
    await blake.waitForMessage(new RegExp(`You are enrolled in ${PROGRAMME}`), from);
    // enrolment invites each to the programme's short baseline, once
    assert.equal(await runDueWork(), 2, 'the two baseline invitations');
    await blake.waitForMessage(/^Your starting point/, from);
  });

  it('`report`: the report card, counts only, and every figure about people withheld for a group of 2', async () => {
    aMinuteLater();
    const from = avery.messages.length;
    await avery.send('report');
    report = await avery.waitForMessage(/: where it stands/, from);
    const shown = visibleText(report);
    assert.match(shown, new RegExp(`^${PROGRAMME}: where it stands\nCounts only — nobody’s reflections`));
    assert.match(shown, /Figures over fewer than 5 people are withheld/);

    // two enrolled: every figure about people says "fewer than 5"; counts of observations are shown
    reportFacts = factsOf(report.card);
    assert.deepEqual(reportFacts, [
      `Supervisors enrolled: ${FEWER_THAN_FIVE}`,
      `Reachable in Teams: ${FEWER_THAN_FIVE}`,
      `Paired: ${FEWER_THAN_FIVE}`,
      'Observations scheduled: 0',
      'Observations completed: 0',
      'Cancelled: 0',
      'Did not happen: 0',
      `Prompts answered: ${FEWER_THAN_FIVE}`,
      `Median time to respond: ${FEWER_THAN_FIVE}`,
      `Reached the target of ${target}: ${FEWER_THAN_FIVE}`,
      `Feeling safe being observed (average, 1–5): ${FEWER_THAN_FIVE}`,
    ]);

    // the chart: this week, nothing completed yet, with a plain table where charts do not render
    const chart = elementOf(report.card, 'Chart.VerticalBar');
    assert.equal(chart.title, 'Observations completed per week');
    const week = DateTime.fromISO(FIRST_MOMENT, { zone: AVERY_ZONE }).toFormat("'W'WW");
    assert.deepEqual(chart.data, [{ x: week, y: 0 }]);
    assert.equal((chart.fallback as { type?: string }).type, 'Table');
    // nobody is paired, so there is no pair status list
    assert.doesNotMatch(shown, /\nPairs\n/);
    assert.deepEqual(verbsOf(report.card), ['report.export', 'report.audit']);
  });

  it('"Export CSV": the CSV appears in her chat, says it holds no reflections, with its tables', async () => {
    aMinuteLater();
    const from = avery.messages.length;
    const reportShown = visibleText(report);
    const answer = await avery.execute(report, 'report.export');
    assert.notEqual(answer.type, ADAPTIVE_CARD, 'the report card stays as it is');
    assert.equal(visibleText(report), reportShown);
    did.push({ action: 'exported figures', at: clock.now() });

    const message = await avery.waitForMessage(/here is the CSV/, from);
    assert.equal(message.card, undefined, 'plain text, no file-consent card');
    assert.match(
      message.text,
      /^Local mode cannot send files, so here is the CSV \(counts only; no reflections\):/,
    );
    const fenced = /```\n([\s\S]*?)\n```/.exec(message.text)?.[1];
    assert.ok(fenced, `the CSV in a code block:\n${message.text}`);

    const rows = parse(fenced, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    assert.deepEqual(rows[0], [
      '# Peer Coach participation export — counts only; contains no reflections, feedback or any text supervisors wrote',
    ]);
    assert.deepEqual(rows[1], [`# programme: ${PROGRAMME}`]);
    const generated = DateTime.fromJSDate(clock.now(), { zone: AVERY_ZONE });
    assert.deepEqual(rows[2], [
      `# generated: ${generated.toFormat('yyyy-MM-dd HH:mm')} (${AVERY_ZONE}, UTC${generated.toFormat('ZZ')})`,
    ]);
    const figuresAt = rows.findIndex((r) => r.join(',') === 'figure,value');
    const pairsAt = rows.findIndex((r) => r.join(',') === 'pair,completed,target,stage');
    assert.equal(figuresAt, 3, 'the figures after the notice');
    assert.ok(pairsAt > figuresAt, 'then the pairs');
    // the same figures as the card, withheld the same way
    assert.deepEqual(
      rows.slice(figuresAt + 1, pairsAt).map(([label, value]) => `${label}: ${value}`),
      reportFacts,
    );
    const practisedAt = rows.findIndex((r) => r.join(',') === 'context,category,observations');
    assert.equal(practisedAt, pairsAt + 1, 'nobody is paired: no pair rows, then what was practised');
    // nothing took place yet: every setting and learner level is withheld, never a 0 beside a hidden count
    const practised = rows.slice(practisedAt + 1);
    assert.equal(practised.length, 7 + 4);
    assert.ok(
      practised.every(([, , count]) => count === 'withheld'),
      JSON.stringify(practised),
    );
  });

  it('`nudge`: "Not yet paired" with the "peer" wording previews 2 people and exactly what they will see', async () => {
    aMinuteLater();
    const from = avery.messages.length;
    await avery.send('nudge');
    const nudge = await avery.waitForMessage(new RegExp(`^Nudge: ${PROGRAMME}`), from);
    assert.match(visibleText(nudge), /never what anyone wrote/);
    assert.ok(
      choicesOf(nudge.card, 'segment').some((c) => c.title === 'Not yet paired' && c.value === 'notPaired'),
    );
    const peer = choicesOf(nudge.card, 'wording').find((c) => c.value === 'peer');
    assert.match(peer?.title ?? '', /^You do not have a peer yet\./, 'a ready-made wording for the unpaired');
    peerWording = peer!.title;
    assert.deepEqual(verbsOf(nudge.card), ['nudge.preview']);

    const answer = await avery.execute(nudge, 'nudge.preview', { segment: 'notPaired', wording: 'peer' });
    assert.equal(answer.type, ADAPTIVE_CARD);
    const shown = visibleText(nudge);
    assert.match(shown, new RegExp(`^Preview: ${PROGRAMME}\nThis nudge reaches 2 people\\.\n`));
    assert.doesNotMatch(shown, /left out/, 'nobody is paused or unreachable');
    assert.ok(shown.includes(`What they will see:\n${NOTE}\n${peerWording}`), shown);
    assert.deepEqual(verbsOf(nudge.card), ['nudge.send', 'nudge.open']);
    assert.match(shown, /Send to 2 people/);
    assert.equal(avery.messages.length, from + 1, 'the preview replaced the compose card in place');
  });

  it('Send: the card becomes the progress card; once the loop runs, both get the note once and her card becomes the delivery report', async () => {
    const nudge = avery.messages.at(-1)!;
    const from = { avery: avery.messages.length, blake: blake.messages.length };
    // the progress card comes back as the invoke's answer, which the Playground puts in place of the
    // preview (as Teams does); no updateMessage frame comes for that one
    const answer = await avery.execute(nudge, 'nudge.send');
    assert.equal(answer.type, ADAPTIVE_CARD);
    did.push({ action: 'sent a nudge', at: clock.now() });
    const sending = visibleText(nudge);
    assert.match(sending, new RegExp(`^Sending the nudge… — ${PROGRAMME}\n0 of 2 done\\.`));
    assert.deepEqual(factsOf(nudge.card), [
      'Sent: 0',
      'Not reachable: 0',
      'Could not be sent: 0',
      'Paused since (not sent): 0',
      'Remaining: 2',
    ]);
    assert.deepEqual(verbsOf(nudge.card), [], 'it cannot be sent twice');
    const updatesBefore = nudge.updates;

    // nothing goes out until the dispatch loop runs
    assert.deepEqual(headlines(blake, from.blake), []);
    assert.equal(await runDueWork(), 1, 'one batch sends to both');

    const [toBlake, toAvery] = await Promise.all([
      blake.waitForMessage(new RegExp(`^${NOTE}`), from.blake),
      avery.waitForMessage(new RegExp(`^${NOTE}`), from.avery),
    ]);
    for (const note of [toBlake, toAvery]) assert.equal(visibleText(note), `${NOTE}\n${peerWording}`);

    // her card is updated in place (updateActivity → an updateMessage frame) to the delivery report
    await avery.waitFor(() => nudge.updates > updatesBefore, 'the progress card to be updated');
    const delivered = visibleText(nudge);
    assert.match(delivered, new RegExp(`^Nudge delivered — ${PROGRAMME}\n2 of 2 done\\.`));
    assert.deepEqual(factsOf(nudge.card), [
      'Sent: 2',
      'Not reachable: 0',
      'Could not be sent: 0',
      'Paused since (not sent): 0',
    ]);

    // nothing more is due; a round trip afterwards shows whether anything else came in between
    assert.equal(await runDueWork(), 0);
    for (const p of [avery, blake]) {
      const at = p.messages.length;
      await p.send('help');
      await p.waitForMessage(/What you can do/, at);
    }
    assert.deepEqual(headlines(blake, from.blake), [NOTE, 'What you can do'], 'Blake got the nudge once');
    assert.deepEqual(headlines(avery, from.avery), [NOTE, 'What you can do'], 'so did Avery, unpaired too');
    assert.equal(nudge.updates, updatesBefore + 1, 'one update: the delivery report');
  });

  it('"Audit log" from the report card lists what she did, newest first, with who and when', async () => {
    aMinuteLater();
    const from = avery.messages.length;
    await avery.execute(report, 'report.audit');
    const audit = await avery.waitForMessage(/: coordinator actions/, from);
    const lines = visibleText(audit).split('\n');
    assert.equal(lines[0], `${PROGRAMME}: coordinator actions`);
    const entries = lines.filter((l) => / — Avery Lind /.test(l));
    assert.deepEqual(
      entries,
      [...did].reverse().map(({ action, at }) => `${shownAt(at, AVERY_ZONE)} — Avery Lind ${action}`),
      'in her time zone, newest first',
    );
    assert.deepEqual(
      entries.map((l) => l.replace(/^.* — Avery Lind /, '')),
      ['sent a nudge', 'exported figures', 'enrolled supervisors', 'created the programme'],
    );
    assert.match(visibleText(audit), /recipients: 2, segment\.notPaired: 1/, 'counts only');
    assert.match(visibleText(audit), /enrolled: 2, already: 0, unreachable: 0/);
    assert.deepEqual(verbsOf(audit.card), ['report.open']);
  });

  it('the colleague cannot open the report or compose a nudge', async () => {
    for (const command of ['report', 'nudge']) {
      const from = blake.messages.length;
      await blake.send(command);
      const refused = await blake.waitForMessage(/That is for programme coordinators/, from);
      assert.equal(refused.card, undefined);
      assert.equal(blake.messages.length, from + 1);
    }
  });

  it('the bot answered every activity both Playgrounds sent it with success', async () => {
    await assertAllAnsweredWithSuccess(
      [avery, blake],
      ['installationUpdate', 'conversationUpdate', 'message'],
    );
    assert.ok(
      avery.turns.some((t) => t.activity === 'invoke'),
      "Avery's Playground sent invokes (her card buttons)",
    );
    assert.deepEqual(problems, [], 'the bot logged no warning or error');
  });
});
