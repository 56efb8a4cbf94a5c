import assert from 'node:assert/strict';
import { renderReportCard } from '../../src/cards/report-card';
import { Words } from '../../src/i18n';
import { buttonsOf, english, sampleFigures, sampleProgramme, swedish } from '../support/card-samples';
import { textOf } from '../support/test-bot';

const report = (pairs = 3, withheld = false, words: Words = english) =>
  renderReportCard({ programme: sampleProgramme(), figures: sampleFigures(pairs, withheld) }, words);
const lines = (card: object) => textOf(card).split('\n');

describe('cards/report-card', () => {
  it('shows a coordinator the counts, rates and averages, and says they are counts only', () => {
    const text = textOf(report());
    assert.match(
      text,
      /^Autumn term, Medicine: where it stands\nCounts only — nobody’s reflections or feedback/,
    );
    assert.match(
      text,
      /Supervisors enrolled\n40\nReachable in Teams\n38\nPaired\n40\nObservations scheduled\n6\n/,
    );
    assert.match(
      text,
      /Prompts answered\n87 %\nMedian time to respond\n19\.3 h\nReached the target of 2\n12 \(30 %\)\n/,
    );
    assert.match(text, /Feeling safe being observed \(average, 1–5\)\n4\.2\n/);
  });

  it('withholds every figure over fewer than 5 people', () => {
    const shown = lines(report(3, true));
    const withheld = [
      'Supervisors enrolled',
      'Prompts answered',
      'Median time to respond',
      'Reached the target of 2',
    ];
    for (const label of withheld) assert.equal(shown[shown.indexOf(label) + 1], 'fewer than 5', label);
    assert.equal(
      shown[shown.indexOf('Observations completed') + 1],
      '22',
      'observations are counted, not people',
    );
  });

  it('shows what was practised by setting and by learner level, withholding small counts', () => {
    const shown = lines(report());
    const at = shown.indexOf('What was practised');
    assert.deepEqual(shown.slice(at + 1, at + 4), [
      'Observations that took place. Fewer than 5 are withheld, and with a lone one the next smallest, so that none can be worked out from the total.',
      'By setting — Ward round: 12 · Outpatient clinic: 6 · withheld: Operating theatre, Emergency department, Primary care, Bedside teaching and Other',
      'By learner level — Medical student, years 4–6: 10 · Intern: 7 · withheld: Medical student, years 1–3 and Resident',
    ]);
    assert.ok(
      lines(report(3, true)).includes(
        'By learner level — withheld: Medical student, years 1–3, Medical student, years 4–6, Intern and Resident',
      ),
    );
  });

  it('shows what was practised in Swedish', () => {
    const shown = lines(report(3, false, swedish));
    const at = shown.indexOf('Vad som övades');
    assert.match(shown[at + 1]!, /^Observationer som blev av\. Färre än 5 redovisas inte/);
    assert.equal(
      shown[at + 2],
      'Per miljö — Rond: 12 · Mottagning: 6 · redovisas inte: Operation, Akutmottagning, Primärvård, Patientnära undervisning och Annat',
    );
    assert.equal(
      shown[at + 3],
      'Per utbildningsnivå — Läkarstudent, termin 7–12: 10 · AT-läkare: 7 · redovisas inte: Läkarstudent, termin 1–6 och ST-läkare',
    );
  });

  it("lists each pair's names, progress and stage, at most 40 of them", () => {
    assert.match(
      textOf(report()),
      /Supervisor 0 and Supervisor 1\n0 of 2\nNothing scheduled\nSupervisor 2 and Supervisor 3\n1 of 2\nScheduled\n/,
    );
    const many = textOf(report(50));
    assert.equal(many.match(/^\d of 2$/gm)?.length, 40);
    assert.match(many, /…and 10 more\./);
  });

  it('charts the completed observations of the last 26 weeks', () => {
    const chart = (
      report() as unknown as { body: { type: string; data?: { x: string; y: number }[] }[] }
    ).body.find((e) => e.type === 'Chart.VerticalBar')!;
    assert.equal(chart.data!.length, 26);
    assert.deepEqual(chart.data![0], { x: 'W05', y: 4 });
    assert.deepEqual(chart.data!.at(-1), { x: 'W30', y: 4 });
  });

  it('offers the CSV export and the audit log of the programme', () => {
    assert.deepEqual(
      buttonsOf(report()).map((b) => b.data),
      [
        { verb: 'report.export', programmeId: 'p-1' },
        { verb: 'report.audit', programmeId: 'p-1' },
      ],
    );
  });

  it('writes numbers the Swedish way in the report', () => {
    const shown = lines(report(3, false, swedish));
    // the sample figures: a median of 19.25 hours and a felt safety of 4.2
    assert.ok(shown.includes('19,3 tim'), shown.join(' | '));
    assert.ok(shown.includes('4,2'), shown.join(' | '));
    assert.ok(shown.includes('Autumn term, Medicine: läget just nu'));
    assert.ok(lines(report(3, true, swedish)).includes('färre än 5'));
  });
});
