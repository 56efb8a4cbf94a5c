import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Locator, Page } from 'playwright-core';
import { statementIds } from '../../src/domain/evaluation/statements';
import { wordsFor } from '../../src/i18n';
import { launchChromium, pngStats, requireChromium } from '../support/browser';
import {
  ADAPTIVE_CARD,
  actionOf,
  choicesOf,
  nodesOf,
  PlaygroundClient,
  ReceivedMessage,
  visibleText,
} from '../support/playground-client';
import {
  assertAllAnsweredWithSuccess,
  AVERY_ZONE,
  headlines,
  playgroundSessionHooks,
} from '../support/playground-session';
import { openPlaygroundPage } from '../support/playground-page';
import { verbsOf } from '../support/test-bot';
import { TestClock } from '../support/test-clock';

/**
 * The programme evaluation in the Playground, with the Playground's team: Avery Lind, a coordinator,
 * adds the bot to "Clinical supervisors" and enrols its six members (herself among them), each played
 * by a Microsoft 365 Agents Playground of their own. All six answer the baseline at enrolment and the
 * end questionnaire on the programme's last day; Avery closes the evaluation early from the programme
 * card in her Playground's web UI (headless Chromium), where Teams' chart elements are drawn, and
 * reads the released card and its CSV. The picture of the card is saved in test-output/screenshots/.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');
const PICTURE = path.join(SCREENSHOTS, 'playground-evaluation-results.png');
/** its top, down to the second statement's change: the picture in the README */
const TOP_PICTURE = path.join(SCREENSHOTS, 'playground-evaluation-results-top.png');
const TOP_HEIGHT = 1170;

const PROGRAMME = 'Autumn term, Paediatrics';
/** Tuesday 6 October 2026, 15:00 in Stockholm, 09:00 in Toronto */
const FIRST_MOMENT = '2026-10-06T13:00:00Z';
/** the programme's last day, a Friday */
const LAST_DAY = '2026-10-30';
/** 14:00 on the last day in Stockholm, 09:00 in Toronto and 13:00 in London: everyone's working hours */
const ON_THE_LAST_DAY = '2026-10-30T13:00:00Z';
/** the team's four other members: Chris and Fran in Stockholm, Dana in London, Eli in Helsinki */
const TEAMMATE_ZONES = [AVERY_ZONE, 'Europe/London', 'Europe/Helsinki', AVERY_ZONE];
/** the Playground is always en-US */
const words = wordsFor('en-US', AVERY_ZONE);

/**
 * Each person's ratings of the six statements (strategies … shared concern), before and at the end:
 * everyone rates "exploring teaching strategies" higher at the end, four rate "receiving feedback I
 * trust" higher and two the same, and one leaves "complex situations" out at the end.
 */
const BASELINE = [
  [2, 3, 3, 2, 2, 3],
  [2, 3, 4, 2, 3, 2],
  [3, 2, 3, 3, 2, 3],
  [2, 3, 3, 2, 2, 2],
  [1, 2, 3, 2, 3, 3],
  [2, 3, 4, 3, 2, 2],
];
const END = [
  [4, 3, 4, 4, 4, 4],
  [4, 4, 4, 3, 4, 4],
  [4, 0, 4, 3, 3, 4],
  [3, 3, 4, 4, 3, 3],
  [3, 3, 4, 4, 4, 4],
  [4, 4, 5, 3, 4, 4],
];
/** the statements in the card's order: the columns of BASELINE and END */
const STATEMENTS = statementIds;
/** five comments from six people (Eli writes none); each names its writer, to prove no name is shown */
const COMMENT = (name: string) => `More time for the talk afterwards — COMMENT-OF-${name.replace(' ', '-')}`;
const WRITES_NO_COMMENT = 'Eli Fors';

/** the statements as picked on a card; a 0 is one left out (its input stays empty) */
function ratings(row: readonly number[]): Record<string, string> {
  return Object.fromEntries(STATEMENTS.flatMap((id, i) => (row[i] ? [[`s.${id}`, String(row[i])]] : [])));
}

/** the median of some whole numbers, as the card prints it */
function median(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return String(m);
}

describe('playground: six supervisors of the Playground team evaluate the programme, and the coordinator reads the released results', function () {
  this.timeout(60_000);

  before(function () {
    requireChromium(this);
  });
  const clock = new TestClock(FIRST_MOMENT);
  const session = playgroundSessionHooks({ name: 'evaluation', clock, teammateZones: TEAMMATE_ZONES });
  let avery: PlaygroundClient;
  /** all six, Avery first, then Blake, Chris, Dana, Eli, Fran */
  let everyone: PlaygroundClient[];
  let programmeId = '';
  let browser: Browser | undefined;
  let page: Page | undefined;
  /** the results card as her page shows it */
  let resultsInPage: Locator;
  const pageErrors: string[] = [];

  before(() => {
    avery = session.avery;
    everyone = [session.avery, session.blake, ...session.teammates];
    for (const picture of [PICTURE, TOP_PICTURE]) rmSync(picture, { force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) {
      const failure = path.join(SCREENSHOTS, 'playground-evaluation-failure.png');
      await page.screenshot({ path: failure, fullPage: true }).catch(() => undefined);
      console.log(`    the page at the failure: ${failure}`);
    }
  });
  after(async () => {
    await browser?.close();
  });

  /** the latest message in this person's chat whose text matches, from `from` on */
  const latest = (p: PlaygroundClient, pattern: RegExp, from = 0) => p.waitForMessage(pattern, from);

  it('all six open their personal chat; Avery adds the bot to the team and creates a programme ending on 30 October', async () => {
    const welcomes = await session.openChats();
    assert.equal(welcomes.length, 6);
    assert.deepEqual(
      everyone.map((p) => p.me.name),
      ['Avery Lind', 'Blake Berg', 'Chris Dahl', 'Dana Ek', 'Eli Fors', 'Fran Gale'],
    );
    await avery.installInTeam();

    const from = avery.messages.length;
    await avery.send('new programme');
    const form = await latest(avery, /New programme/, from);
    await avery.execute(form, 'programme.save', { name: PROGRAMME, endDate: LAST_DAY });
    assert.match(visibleText(form), new RegExp(`^${PROGRAMME}\nSaved\\.`));
    programmeId = String(actionOf(form.card, 'enrol.open').data?.programmeId ?? '');
    assert.ok(programmeId);

    // the team is offered for enrolment by its name; choosing it enrols everyone on its roster
    await avery.execute(form, 'enrol.open');
    const team = choicesOf(form.card, 'teamIds');
    assert.deepEqual(
      team.map((t) => t.title),
      ['Clinical supervisors'],
    );
    await avery.execute(form, 'enrol.save', { teamIds: team[0]!.value });
    assert.match(
      visibleText(form),
      /Enrolled now \(6\)\nAvery Lind, Blake Berg, Chris Dahl, Dana Ek, Eli Fors, and Fran Gale/,
    );
  });

  it('each gets the baseline invitation, once, and answers it; the card turns read-only', async () => {
    assert.equal(await session.runDueWork(), 6, 'six baseline invitations');
    await Promise.all(
      everyone.map(async (p, i) => {
        const card = await latest(p, new RegExp(`^${words.t('evaluation.baselineTitle')}`));
        assert.match(visibleText(card), /your coordinator sees only totals over five or more people/);
        const answer = await p.execute(card, 'evaluation.answer', ratings(BASELINE[i]!));
        assert.equal(answer.type, ADAPTIVE_CARD);
        assert.match(visibleText(card), /Thank you\. Your answers are saved/);
        assert.deepEqual(verbsOf(card.card), []);
      }),
    );
    assert.equal(await session.runDueWork(), 0, 'nothing more is due before the last day');
    for (const p of everyone)
      assert.equal(
        headlines(p).filter((h) => h === words.t('evaluation.baselineTitle')).length,
        1,
        `${p.me.name} got one baseline card`,
      );
  });

  it('on the last day, the coordinator sees only how many answered the end questionnaire while it is open', async () => {
    clock.set(ON_THE_LAST_DAY);
    await session.runDueWork();
    const cards = await Promise.all(
      everyone.map((p) => latest(p, new RegExp(`^${words.t('evaluation.endTitle')}`))),
    );
    assert.match(visibleText(cards[1]), /Open until Nov 12, 2026/);

    // four answer; the programme card counts them and shows nothing else of the evaluation
    const answer = (i: number) =>
      everyone[i]!.execute(cards[i]!, 'evaluation.end.answer', {
        ...ratings(END[i]!),
        'o.safety': String(3 + (i % 3)),
        'o.usefulness': String(4 + (i % 2)),
        'o.recommend': String(5 + i),
        comment: everyone[i]!.me.name === WRITES_NO_COMMENT ? '' : COMMENT(everyone[i]!.me.name),
      });
    for (const i of [0, 1, 2, 3]) await answer(i);
    const programme = await openProgramme();
    assert.match(visibleText(programme), /End questionnaire answered\n4/);
    assert.doesNotMatch(visibleText(programme), /COMMENT-OF/);
    assert.ok(verbsOf(programme.card).includes('evaluation.close.ask'));
    assert.ok(!verbsOf(programme.card).includes('evaluation.results'), 'no results while it is open');
    for (const i of [4, 5]) await answer(i);
    for (const card of cards) assert.match(visibleText(card), /Thank you\. Your answers are saved/);
  });

  it('in her Playground’s web UI, Avery closes the evaluation early and the released card shows its charts', async () => {
    browser = await launchChromium();
    // the chat scrolls inside the page: a viewport taller than the card pictures it whole
    page = await openPlaygroundPage(browser, avery, pageErrors, { width: 1280, height: 6000 });
    // the programme card reaches the page as it is sent; her clicks there replace it in place
    const from = avery.messages.length;
    await avery.send('programmes');
    await latest(avery, /^Programmes/, from);
    const list = page
      .locator('.fai-OutputCard')
      .filter({ has: page.getByRole('heading', { name: words.t('programme.listTitle') }) })
      .last();
    await list.locator('button', { hasText: words.t('programme.openButton') }).click();
    const card = page
      .locator('.fai-OutputCard')
      .filter({ has: page.getByRole('heading', { name: PROGRAMME }) })
      .last();
    await card.getByRole('button', { name: words.t('evaluationResults.closeButton') }).click();
    await card.getByText(/So far 6 have answered the end questionnaire/).waitFor();
    await card.getByRole('button', { name: words.t('evaluationResults.confirmButton') }).click();

    resultsInPage = page
      .locator('.fai-OutputCard')
      .filter({ has: page.getByText(`Evaluation — ${PROGRAMME}`) })
      .last();
    await resultsInPage.getByText('6 answered at the end.').waitFor();
    // Teams' chart elements, drawn by the Playground as charts (SVG), not their table fallback
    const charts = resultsInPage.locator('svg');
    await charts.first().waitFor();
    assert.ok((await charts.count()) >= 6 + 3, `a chart per statement and per overall rating`);
    await resultsInPage.screenshot({ path: PICTURE, animations: 'disabled' });
    const box = (await resultsInPage.boundingBox())!;
    await page.screenshot({
      path: TOP_PICTURE,
      clip: { ...box, height: Math.min(box.height, TOP_HEIGHT) },
      animations: 'disabled',
    });
    for (const picture of [PICTURE, TOP_PICTURE]) {
      const stats = pngStats(picture);
      assert.ok(stats.width >= 300 && stats.height >= TOP_HEIGHT, `${stats.width}×${stats.height}`);
      assert.ok(stats.colours > 16, `${stats.colours} colours`);
    }
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });

  it('the released card: distributions and medians before and after, the changes, the overall ratings and five unnamed comments', async () => {
    const programme = await openProgramme();
    assert.match(visibleText(programme), /Evaluation\nclosed/);
    await avery.execute(programme, 'evaluation.results');
    const results = programme;
    const shown = visibleText(results);
    const [title, closed, ...rest] = shown.split('\n');
    assert.equal(title, `Evaluation — ${PROGRAMME}`);
    assert.match(closed!, /^Closed Fri, Oct 30, 2026, 2:00 PM\. Answers that arrive after/);
    assert.match(shown, /not a validated instrument/);

    const medians = (column: number) =>
      `Median: before ${median(BASELINE.map((r) => r[column]!))}, at the end ${median(
        END.map((r) => r[column]!).filter(Boolean),
      )}`;
    for (const [column, id] of STATEMENTS.entries()) {
      if (id === 'complexity') continue; // five rated it at the end
      assert.ok(shown.includes(medians(column)), `${id}: ${medians(column)}\n${shown}`);
    }
    // all six rated "exploring teaching strategies" higher, but "higher 6" would tell that none rated
    // it the same or lower, groups of fewer than five: with six people the directions merge into one
    assert.match(
      shown,
      /Exploring teaching strategies\n(?:Exploring teaching strategies\n)?Median: before 2, at the end 4\nRated both times by 6: the directions of change are too small to show apart\./,
    );
    assert.match(shown, /Handling complex supervision situations\n.*\nRated both times by 5:/);

    const grouped = nodesOf(results.card).filter((n) => n.type === 'Chart.VerticalBar.Grouped');
    assert.equal(grouped.length, 6, 'a chart per statement');
    const strategies = grouped[0]!;
    assert.deepEqual(
      (strategies.data as { legend: string; values: { x: string; y: number }[] }[]).map((s) => [
        s.legend,
        s.values.map((v) => v.y),
      ]),
      [
        ['Before', [1, 4, 1, 0, 0]],
        ['At the end', [0, 0, 2, 4, 0]],
      ],
    );
    for (const chart of grouped) assert.equal((chart.fallback as { type?: string }).type, 'Table');

    const comments = shown.match(/COMMENT-OF-[A-Za-z-]+/g) ?? [];
    assert.equal(comments.length, 5, 'the five comments');
    assert.doesNotMatch(
      shown.replace(/COMMENT-OF-[A-Za-z-]+/g, ''),
      /Blake Berg|Chris Dahl|Dana Ek|Eli Fors|Fran Gale|Avery Lind/,
      'no names, besides the ones the writers put into their own comments',
    );
    assert.doesNotMatch(rest.join('\n'), /Oct \d|2026/, 'no dates besides the closing');
    assert.deepEqual(verbsOf(results.card), ['evaluation.results.export', 'programme.open']);
  });

  it('"Export CSV" gives the same release in her chat, saying it holds the released comments', async () => {
    const programme = await openProgramme();
    await avery.execute(programme, 'evaluation.results');
    const from = avery.messages.length;
    await avery.execute(programme, 'evaluation.results.export');
    const message = await latest(avery, /here is the CSV/, from);
    const fenced = /```\n([\s\S]*?)\n```/.exec(message.text)?.[1];
    assert.ok(fenced, message.text);
    const rows = parse(fenced, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    assert.match(rows[0]![0]!, /^# Peer Coach evaluation results — figures over five or more people/);
    assert.ok(
      rows.some((r) => r.join(',') === 'Exploring teaching strategies,Before,1,4,1,0,0,2'),
      rows.map((r) => r.join(',')).join('\n'),
    );
    const comments = rows.flat().filter((cell) => cell.includes('COMMENT-OF-'));
    assert.equal(comments.length, 5);
  });

  it('the bot answered every activity all six Playgrounds and the page sent it with success', async () => {
    await assertAllAnsweredWithSuccess(everyone, ['installationUpdate', 'conversationUpdate']);
    assert.ok(avery.turns.some((t) => t.activity === 'invoke'));
  });

  /** Avery's programme card, opened from the list */
  async function openProgramme(): Promise<ReceivedMessage> {
    const from = avery.messages.length;
    await avery.send('programmes');
    const list = await latest(avery, /^Programmes/, from);
    await avery.execute(list, 'programme.open', {});
    assert.match(visibleText(list), new RegExp(`^${PROGRAMME}`));
    return list;
  }
});
