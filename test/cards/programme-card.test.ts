import assert from 'node:assert/strict';
import { ProgrammeCardData, renderProgrammeCard } from '../../src/cards/programme-card';
import { minuteScale } from '../../src/domain/timing';
import { Words } from '../../src/i18n';
import { english, sampleEnrolments, samplePairs, sampleProgramme, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

/** a programme of `enrolled` supervisors, all but the last `waiting` of them in pairs */
const programme = (
  enrolled: number,
  waiting: number,
  data: Partial<ProgrammeCardData> = {},
  words: Words = english,
) =>
  renderProgrammeCard(
    {
      programme: sampleProgramme(),
      enrolments: sampleEnrolments(enrolled, enrolled - waiting),
      pairs: samplePairs((enrolled - waiting) / 2),
      ...data,
    },
    words,
  );

describe('cards/programme-card', () => {
  it("shows a coordinator the programme's settings and how many are enrolled, paired and waiting", () => {
    const text = textOf(programme(5, 1));
    assert.match(
      text,
      /^Autumn term, Medicine\nDates\n1 Sept 2026 – 20 Dec 2026\nTime zone\nEurope\/Stockholm/,
    );
    assert.match(
      text,
      /Target\n2 observations per supervisor\nQuiet hours\n20:00–07:00\nWorking days\nMonday, Tuesday/,
    );
    assert.match(text, /Enrolled\n5\nPaired\n4\nWaiting for a peer\n1\n/);
  });

  it('lists the pairs and who is waiting, by name', () => {
    const text = textOf(programme(5, 1));
    assert.match(text, /Pairs\n- Supervisor 0 and Supervisor 1\n- Supervisor 2 and Supervisor 3/);
    assert.match(text, /Waiting for a peer\nSupervisor Number 4\n/);
    assert.deepEqual(verbsOf(programme(5, 1)), [
      'programme.edit',
      'enrol.open',
      'pairing.open',
      'report.open',
      'evaluation.close.ask',
    ]);
  });

  it('lists at most 30 pairs and 60 waiting names, and says how many more there are', () => {
    const text = textOf(programme(200, 100));
    assert.equal(text.match(/^- Supervisor/gm)?.length, 30);
    assert.match(text, /…and 20 more\./);
    assert.match(text, /Supervisor Number 159 …and 40 more\./);
    assert.doesNotMatch(text, /Supervisor Number 160/);
  });

  it('in a local run, says the timing lasts minutes instead of showing quiet hours and working days', () => {
    const text = textOf(programme(2, 0, { scale: minuteScale }));
    assert.match(text, /Timing\nLocal run: each day of the timing lasts one minute/);
    assert.doesNotMatch(text, /Quiet hours|Working days/);
  });

  it('shows the feedback of the last save', () => {
    assert.match(textOf(programme(2, 0, { notice: 'Saved.' })), /^Autumn term, Medicine\nSaved\.\nDates/);
  });

  it('shows the programme in Swedish', () => {
    const text = textOf(programme(5, 1, {}, swedish));
    assert.match(text, /Datum\n1 sep\. 2026 – 20 dec\. 2026/);
    assert.match(
      text,
      /Mål\n2 observationer per handledare\nTyst tid\n20:00–07:00\nArbetsdagar\nmåndag, tisdag/,
    );
    assert.match(text, /Registrerade\n5\nI par\n4\nUtan par ännu\n1/);
  });

  it('while the evaluation is open shows only how many answered at the end, and offers to close it', () => {
    const card = programme(6, 0, { evaluation: { answered: 3 } });
    assert.match(textOf(card), /End questionnaire answered\n3/);
    assert.ok(verbsOf(card).includes('evaluation.close.ask'));
    assert.ok(!verbsOf(card).includes('evaluation.results'));
  });

  it('once the evaluation is closed offers its results instead, in either language', () => {
    const closed = { evaluation: { answered: 7, closedAt: '2027-01-03T09:00:00.000Z' } };
    const card = programme(6, 0, closed);
    assert.match(textOf(card), /Evaluation\nclosed Sun, 3 Jan 2027/);
    assert.doesNotMatch(textOf(card), /End questionnaire answered/);
    assert.ok(verbsOf(card).includes('evaluation.results'));
    assert.ok(!verbsOf(card).includes('evaluation.close.ask'));
    assert.match(textOf(programme(6, 0, closed, swedish)), /Utvärderingens resultat/);
  });
});
