import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { avery, blake, chris, execute } from '../support/activities';
import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { e2eBot } from '../support/e2e-bot';
import { textOf } from '../support/test-bot';

/** what each observation practised: 12 ward rounds, 5 in primary care, 2 in the operating theatre */
const settings = [
  ...Array(12).fill('wardRound'),
  ...Array(5).fill('primaryCare'),
  'operatingTheatre',
  'operatingTheatre',
];
/** and with whom: 6 early students, 5 late students, 7 interns and 1 resident */
const levels = [
  ...Array(6).fill('studentEarly'),
  ...Array(5).fill('studentLate'),
  ...Array(7).fill('intern'),
  'resident',
];

/**
 * A coordinator reads what the programme was used for, over real HTTP: the observations a pair
 * scheduled, counted by setting and by learner level once they took place. The one resident must not
 * be found as the completed total minus the levels shown, on the card or in the file.
 */
describe('e2e: the report says what was practised, and no small count can be worked out', () => {
  const bot = e2eBot({ lifetime: 'describe' });

  before(async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    // four a day, each day's planned the evening before: a pair plans at most 10 ahead
    for (const [i, setting] of settings.entries()) {
      const day = 2 + Math.floor(i / 4);
      if (i % 4 === 0) bot.clock.set(`2026-09-0${day - 1}T18:00:00Z`);
      const startTime = ['08:00', '10:00', '12:00', '14:00'][i % 4]!;
      const date = `2026-09-0${day}`;
      await scheduleObservation(bot, blake, blake, { date, startTime, setting, learnerLevel: levels[i]! });
    }
    bot.clock.set('2026-09-10T08:00:00Z');
  });

  it('shows the counts by setting and learner level on the card, each one small withheld with the next smallest', async () => {
    await bot.say(avery, 'report');
    const text = textOf(bot.lastCardTo(avery));
    const lines = text.split('\n');
    assert.match(text, /Observations completed\n19\n/);
    assert.ok(
      lines.includes(
        'By setting — Ward round: 12 · Primary care: 5 · withheld: Outpatient clinic, Operating theatre, Emergency department, Bedside teaching and Other',
      ),
      text,
    );
    // 19 − 6 − 7 = 6: the late students and the resident together, not the resident alone
    assert.ok(
      lines.includes(
        'By learner level — Medical student, years 1–3: 6 · Intern: 7 · withheld: Medical student, years 4–6 and Resident',
      ),
      text,
    );
  });

  it('writes the same counts into the CSV export', async () => {
    await bot.say(avery, 'report');
    await bot.post(
      execute(avery, bot.svc, 'report.export', buttonData(bot.lastCardTo(avery), 'report.export')),
    );
    const { text } = bot.lastTo(avery) as { text: string };
    const file = /```\n([\s\S]*)\n```/.exec(text)?.[1] ?? '';
    const rows = parse(file, { relax_column_count: true }) as string[][];
    const levelRows = rows.filter(([context]) => context === 'Learner level');
    assert.deepEqual(levelRows, [
      ['Learner level', 'Medical student, years 1–3', '6'],
      ['Learner level', 'Medical student, years 4–6', 'withheld'],
      ['Learner level', 'Intern', '7'],
      ['Learner level', 'Resident', 'withheld'],
    ]);
    assert.deepEqual(
      rows.find(([context, category]) => context === 'Setting' && category === 'Operating theatre'),
      ['Setting', 'Operating theatre', 'withheld'],
    );
  });
});
