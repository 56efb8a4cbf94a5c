import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvLabels } from '../../../src/bot/handlers/report-handlers';
import { figureRows, practisedRows } from '../../../src/cards/report-card';
import { computeFigures } from '../../../src/domain/report/figures';
import { PromptFact } from '../../../src/domain/report/facts';
import { nextRelease, ReleasedFigures, shownFigures } from '../../../src/domain/report/release';
import { programmeCsv, ProgrammeCsvInput, programmeCsvFileName } from '../../../src/domain/report/csv';
import { Words, wordsFor } from '../../../src/i18n';
import { facts, observation, past, rating, reportedAt } from '../../support/report-fixtures';

const english = wordsFor('en-GB', 'Europe/Stockholm');
const swedish = wordsFor('sv-SE', 'Europe/Stockholm');

function input(overrides: Partial<ProgrammeCsvInput> = {}): ProgrammeCsvInput {
  return {
    labels: csvLabels(english),
    programmeName: 'Handledarprogram vår',
    generatedAt: new Date('2026-03-04T09:15:00Z'),
    timeZone: 'Europe/Stockholm',
    figures: [
      { label: 'Supervisors enrolled', value: '12' },
      { label: 'Average felt safety', value: 'fewer than 5' },
    ],
    pairs: [
      { names: 'Åsa Öberg & Björn Ärlig', completed: 2, target: 4, stage: 'scheduled' },
      { names: 'Carin Dahl & Erik Falk', completed: 0, target: 4, stage: 'stalled' },
    ],
    practised: [
      { context: 'Setting', category: 'Ward round', value: '12' },
      { context: 'Learner level', category: 'Intern', value: 'withheld' },
    ],
    ...overrides,
  };
}

/** the file read back by an RFC 4180 parser, split into its blocks at the empty lines */
function blocks(csv: string): string[][][] {
  const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  const out: string[][][] = [[]];
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') out.push([]);
    else out.at(-1)!.push(row);
  }
  return out;
}

describe('programmeCsv', () => {
  it('reads back as an about block, the figures, the pairs and what was practised, under the documented columns', () => {
    const [about, figures, pairs, practised, ...rest] = blocks(programmeCsv(input()));
    assert.deepEqual(rest, []);
    assert.deepEqual(about, [
      [
        '# Peer Coach participation export — counts only; contains no reflections, feedback or any text supervisors wrote',
      ],
      ['# programme: Handledarprogram vår'],
      ['# generated: 2026-03-04 10:15 (Europe/Stockholm, UTC+01:00)'],
    ]);
    assert.deepEqual(figures, [
      ['figure', 'value'],
      ['Supervisors enrolled', '12'],
      ['Average felt safety', 'fewer than 5'],
    ]);
    assert.deepEqual(pairs, [
      ['pair', 'completed', 'target', 'stage'],
      ['Åsa Öberg & Björn Ärlig', '2', '4', 'scheduled'],
      ['Carin Dahl & Erik Falk', '0', '4', 'stalled'],
    ]);
    assert.deepEqual(practised, [
      ['context', 'category', 'observations'],
      ['Setting', 'Ward round', '12'],
      ['Learner level', 'Intern', 'withheld'],
    ]);
  });

  it('speaks the coordinator’s language: the first line, the about block and the columns in Swedish', () => {
    const [about, figures, pairs, practised] = blocks(programmeCsv(input({ labels: csvLabels(swedish) })));
    assert.deepEqual(about, [
      [
        '# Peer Coach deltagarexport – bara antal; innehåller inga reflektioner, ingen återkoppling och ingen text som handledare har skrivit',
      ],
      ['# program: Handledarprogram vår'],
      ['# skapad: 2026-03-04 10:15 (Europe/Stockholm, UTC+01:00)'],
    ]);
    assert.deepEqual(figures![0], ['mått', 'värde']);
    assert.deepEqual(pairs![0], ['par', 'genomförda', 'mål', 'läge']);
    assert.deepEqual(practised![0], ['sammanhang', 'kategori', 'observationer']);
  });

  it('says on its first line that it holds counts only and no reflections', () => {
    const firstLine = programmeCsv(input())
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    assert.match(firstLine, /participation export/);
    assert.match(firstLine, /counts only/);
    assert.match(firstLine, /contains no reflections, feedback or any text supervisors wrote/);
  });

  it('writes the generation time in the programme’s zone, summer time included', () => {
    const csv = programmeCsv(
      input({ generatedAt: new Date('2026-07-01T22:30:00Z'), timeZone: 'America/New_York' }),
    );
    assert.match(csv, /# generated: 2026-07-01 18:30 \(America\/New_York, UTC-04:00\)/);
  });

  it('falls back to UTC, and says so, when the zone is unknown', () => {
    const csv = programmeCsv(input({ timeZone: 'Mars/Olympus' }));
    assert.match(csv, /# generated: 2026-03-04 09:15 \(UTC, UTC\+00:00\)/);
  });

  it('starts with a UTF-8 byte order mark so Excel reads å, ä and ö', () => {
    const bytes = Buffer.from(programmeCsv(input()), 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.includes(Buffer.from('Åsa Öberg', 'utf8')));
  });

  it('ends every record with CRLF', () => {
    const csv = programmeCsv(input());
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(csv.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('quotes commas, quotes and line breaks, and they read back unchanged', () => {
    const names = 'Lind, Anna & "Bosse" Berg';
    const stage = 'waiting\nfor a reply';
    const programmeName = 'Spring, "north"\r\nward';
    const csv = programmeCsv(
      input({ programmeName, pairs: [{ names, completed: 1, target: 3, stage }], figures: [] }),
    );
    assert.ok(csv.includes('"Lind, Anna & ""Bosse"" Berg"'));
    assert.ok(csv.includes('"waiting\nfor a reply"'));
    const [about, figures, pairs] = blocks(csv);
    assert.deepEqual(about![1], [`# programme: ${programmeName}`]);
    assert.deepEqual(figures, [['figure', 'value']]);
    assert.deepEqual(pairs![1], [names, '1', '3', stage]);
  });

  it('neutralises names and labels a spreadsheet would run as a formula', () => {
    const dangerous = ['=HYPERLINK("http://x","y")', '+1+2', '-3+4', '@SUM(A1)', '\tcmd', '\rcmd', '＝1'];
    const csv = programmeCsv(
      input({
        figures: dangerous.map((label) => ({ label, value: label })),
        pairs: dangerous.map((names) => ({ names, completed: 1, target: 2, stage: names })),
      }),
    );
    const [, figures, pairs] = blocks(csv);
    for (const [i, d] of dangerous.entries()) {
      assert.deepEqual(figures![i + 1], [`'${d}`, `'${d}`], `figure ${JSON.stringify(d)}`);
      assert.deepEqual(pairs![i + 1], [`'${d}`, '1', '2', `'${d}`], `pair ${JSON.stringify(d)}`);
    }
  });

  it('leaves ordinary names and counts as they are', () => {
    const [, , pairs] = blocks(
      programmeCsv(input({ pairs: [{ names: 'Anna-Lena Ek', completed: 0, target: 0, stage: 'paired' }] })),
    );
    assert.deepEqual(pairs![1], ['Anna-Lena Ek', '0', '0', 'paired']);
  });

  it('cannot be made to start a formula through the programme name', () => {
    const [about] = blocks(programmeCsv(input({ programmeName: '=cmd|"/c calc"!A1' })));
    for (const [field] of about!) assert.ok(field!.startsWith('# '));
  });
});

/** the file name the way the export makes it, in the reader's language */
function fileName(programme: string, at: Date, zone: string, words: Words = english): string {
  return programmeCsvFileName(programme, at, zone, {
    name: (name, date) => words.t('report.csv.fileName', { programme: name, date }),
    unnamed: words.t('report.csv.unnamed'),
  });
}

describe('programmeCsvFileName', () => {
  it('names the file after the programme and the day in the programme’s zone', () => {
    assert.equal(
      fileName('Vår 2026', new Date('2026-03-04T23:30:00Z'), 'Europe/Stockholm'),
      'Peer Coach - Vår 2026 - 2026-03-05.csv',
    );
  });

  it('drops characters OneDrive refuses in a file name', () => {
    assert.equal(
      fileName('a/b\\c:d*e?f"g<h>i|j#k%l\nm', new Date('2026-03-04T10:00:00Z'), 'UTC'),
      'Peer Coach - a b c d e f g h i j k l m - 2026-03-04.csv',
    );
    assert.equal(
      fileName(' ... ', new Date('2026-03-04T10:00:00Z'), 'UTC'),
      'Peer Coach - programme - 2026-03-04.csv',
    );
  });

  it('is in the reader’s language', () => {
    assert.equal(
      fileName('Vår 2026', new Date('2026-03-04T10:00:00Z'), 'UTC', swedish),
      'Peer Coach - Vår 2026 - deltagande 2026-03-04.csv',
    );
    assert.equal(
      fileName('///', new Date('2026-03-04T10:00:00Z'), 'UTC', swedish),
      'Peer Coach - program - deltagande 2026-03-04.csv',
    );
  });
});

describe('programmeCsv with what was practised', () => {
  it('never gives away a small count as the completed total minus the counts shown', () => {
    // 7 early students, 6 late, 5 interns and 2 residents: 20 completed
    const levels = [
      ['studentEarly', 7],
      ['studentLate', 6],
      ['intern', 5],
      ['resident', 2],
    ] as const;
    const observations = levels.flatMap(([learnerLevel, n]) =>
      Array.from({ length: n }, () => observation(past, { learnerLevel })),
    );
    const figures = computeFigures(facts({ observations }), reportedAt);
    const [, figureBlock, , practised] = blocks(
      programmeCsv(
        input({ figures: figureRows(figures, english), practised: practisedRows(figures, english) }),
      ),
    );
    const completed = Number(figureBlock!.find(([label]) => label === 'Observations completed')![1]);
    const byLevel = practised!.filter(([context]) => context === 'Learner level');
    const shown = byLevel.filter(([, , value]) => value !== 'withheld');
    const hidden = byLevel.filter(([, , value]) => value === 'withheld').map(([, category]) => category);
    assert.equal(completed, 20);
    assert.deepEqual(hidden, ['Intern', 'Resident']);
    assert.equal(
      completed - shown.reduce((sum, [, , value]) => sum + Number(value), 0),
      7,
      'two counts, together',
    );
  });
});

describe('programmeCsv with the released figures', () => {
  /** the figures block of the export at each reading, as ReportService.figures releases them */
  function exports(readings: readonly (readonly PromptFact[])[]): string[][][] {
    let released: ReleasedFigures | undefined;
    return readings.map((prompts, i) => {
      const now = new Date(Date.parse('2026-11-20T12:00:00Z') + i * 3_600_000);
      const f = facts({ prompts });
      const computed = computeFigures(f, now);
      released = nextRelease(computed, f, released, now) ?? released;
      return blocks(
        programmeCsv(input({ figures: figureRows(shownFigures(computed, released), english) })),
      )[1]!;
    });
  }
  const safety = (figures: string[][]) =>
    figures.find(([label]) => label === 'Feeling safe being observed (average, 1–5)')![1];

  it('shows the safety rating to the nearest half point, and not a sixth rating nor its erasure', () => {
    const five = [rating('h1', 5), rating('h2', 5), rating('h3', 4), rating('h4', 4), rating('h5', 5)];
    const sixth = rating('h6', 1);
    const [first, second, third] = exports([five, [...five, sixth], five]);
    assert.equal(safety(first!), '4.5');
    assert.deepEqual(second, first, 'the exact average is now 4.0; the file must not say so');
    assert.deepEqual(third, first, 'the erasure waits for the next step');
  });
});
