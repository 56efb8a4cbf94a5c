import assert from 'node:assert/strict';
import { e2eBot } from '../support/e2e-bot';
import { parse } from 'csv-parse/sync';
import { avery, blake, chris, dana, eli, execute, fran, testUser, TestUser } from '../support/activities';
import { buttonData, scheduleObservation } from '../support/cycle-fixtures';
import { cardOf, createProgramme, textOf } from '../support/test-bot';

const gus = testUser('1', 'Gus Holm');

/**
 * The differencing attack on the average safety rating, over real HTTP: five hosts rate, the
 * coordinator reads the report; a sixth host rates, the coordinator reads it again; the sixth
 * deletes their data, and the coordinator reads it once more. Comparing the reports must not give
 * away the sixth rating, and the erasure must not move the figure until five more people have rated.
 */
describe('e2e: the safety rating cannot be differenced between reports', () => {
  const bot = e2eBot({ lifetime: 'describe' });

  /** the newest after-observation card that asks this host how safe being observed felt */
  const hostPrompt = (u: TestUser) =>
    [...bot.connector.to(u.conversationId)]
      .reverse()
      .map(cardOf)
      .find((c) => c && JSON.stringify(c).includes('"ah.safety"'));

  /** `host` hosts an observation in their pair, 60 minutes from `startTime` (Stockholm) on `date` */
  const host = (u: TestUser, date: string, startTime: string) =>
    scheduleObservation(bot, u, u, { date, startTime });

  /** Blake, Dana, Fran, Chris and Eli, in that order, each host an observation on `date`, 08:00 to 16:00 */
  async function fiveHostOn(date: string) {
    for (const [u, startTime] of [
      [blake, '08:00'],
      [dana, '10:00'],
      [fran, '12:00'],
      [chris, '14:00'],
      [eli, '16:00'],
    ] as const)
      await host(u, date, startTime);
  }

  /** the host answers their newest after-observation prompt with this safety rating */
  async function rate(u: TestUser, rating: number) {
    const card = hostPrompt(u);
    assert.ok(card, `${u.name} got the after-observation prompt`);
    const result = await bot.post(
      execute(u, bot.svc, 'prompt.answer', {
        ...buttonData(card, 'prompt.answer'),
        'ah.plan': 'went as planned',
        'ah.safety': String(rating),
      }),
    );
    assert.equal(result.status, 200);
  }

  /** the day's after-observation prompts go out (the last observation ends at 17:00 Stockholm) */
  async function evening(date: string) {
    // hour by hour, as the dispatch loop would: a prompt found long overdue is not sent
    const until = Date.parse(`${date}T18:00:00Z`);
    while (bot.clock.now().getTime() < until) {
      bot.clock.set(new Date(Math.min(until, bot.clock.now().getTime() + 3_600_000)).toISOString());
      await bot.runDueWork();
    }
  }

  /** the average safety rating on the coordinator's report card, as shown */
  async function shownOnCard(): Promise<string> {
    await bot.say(avery, 'report');
    const text = textOf(bot.lastCardTo(avery));
    const found = /Feeling safe being observed \(average, 1–5\)\n(.+)/.exec(text);
    assert.ok(found, text);
    return found[1]!;
  }

  /** the same figure in the CSV export (local mode shows the file in the chat) */
  async function shownInCsv(): Promise<string> {
    await bot.say(avery, 'report');
    const report = bot.lastCardTo(avery);
    await bot.post(execute(avery, bot.svc, 'report.export', buttonData(report, 'report.export')));
    const { text } = bot.lastTo(avery) as { text: string };
    const file = /```\n([\s\S]*)\n```/.exec(text)?.[1] ?? '';
    const rows = parse(file, { relax_column_count: true }) as string[][];
    const row = rows.find((r) => r[0] === 'Feeling safe being observed (average, 1–5)');
    assert.ok(row, file);
    return row[1]!;
  }

  before(async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    const people = [blake, chris, dana, eli, fran, gus];
    await bot.install(avery, ...people);
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    await bot.post(
      execute(avery, bot.svc, 'enrol.save', {
        programmeId,
        people: people.map((u) => u.aadObjectId).join(','),
      }),
    );
    for (const [first, second] of [
      [blake, chris],
      [dana, eli],
      [fran, gus],
    ] as const) {
      await bot.post(
        execute(avery, bot.svc, 'pairing.manual', {
          programmeId,
          first: first.aadObjectId,
          second: second.aadObjectId,
        }),
      );
    }
  });

  const reports: string[] = [];

  it('shows five hosts’ average, rounded to half a point, in the card and the CSV alike', async () => {
    // 5, 5, 4, 4, 5: the exact average is 4.6
    await fiveHostOn('2026-09-03');
    await evening('2026-09-03');
    await rate(blake, 5);
    await rate(dana, 5);
    await rate(fran, 4);
    await rate(chris, 4);
    await rate(eli, 5);
    reports.push(await shownOnCard());
    assert.equal(reports[0], '4.5');
    assert.equal(await shownInCsv(), '4.5');
  });

  it('a sixth host’s rating does not show: the report stays as it was (6 × new − 5 × old reveals nothing)', async () => {
    await host(gus, '2026-09-04', '08:00');
    await evening('2026-09-04');
    await rate(gus, 1);
    reports.push(await shownOnCard());
    assert.equal(reports[1], reports[0], 'the exact average is now 4.0; showing it would give away the 1');
    assert.equal(await shownInCsv(), reports[0]);
    // reading again changes nothing either
    assert.equal(await shownOnCard(), reports[0]);
  });

  it('an erasure does not move the figure at once', async () => {
    await bot.say(gus, 'delete my data');
    const confirm = bot.lastCardTo(gus);
    const done = await bot.click(gus, 'data.erase', buttonData(confirm, 'data.erase'));
    assert.match(textOf(done), /Answers removed: 1/);
    reports.push(await shownOnCard());
    assert.equal(reports[2], reports[1], 'moving (from 4.0 back to 4.6) would give away the erased 1');
    assert.equal(await shownInCsv(), reports[0]);
  });

  it('five more hosts move it at the next step, computed without the erased rating', async () => {
    // 3, 3, 3, 3, 4: without the erased 1 the average is (23 + 16) / 10 = 3.9; with it, 40 / 11 ≈ 3.6
    await fiveHostOn('2026-09-07');
    await evening('2026-09-07');
    for (const u of [blake, dana, fran, chris]) await rate(u, 3);
    assert.equal(await shownOnCard(), reports[0], 'four new ratings are not yet a step');
    await rate(eli, 4);
    assert.equal(await shownOnCard(), '4.0');
    assert.equal(await shownInCsv(), '4.0');
  });
});
