import assert from 'node:assert/strict';
import { LearnerLevel, learnerLevels, Setting } from '../../../src/domain/cycle/observation';
import { computeFigures, isWithheld } from '../../../src/domain/report/figures';
import { CategoryCount, practised, withholdSmallCounts } from '../../../src/domain/report/practised';
import { facts, future, observation, past, reportedAt as now } from '../../support/report-fixtures';

/** `n` ward rounds with a late student that took place, with these overrides */
const took = (n: number, what: { setting?: Setting; learnerLevel?: LearnerLevel } = {}) =>
  Array.from({ length: n }, () => observation(past, what));

/** the counts as a coordinator reads them: a number, or "withheld" */
const shown = <C extends string>(counts: readonly CategoryCount<C>[]) =>
  Object.fromEntries(
    counts.map((c) => [c.category, isWithheld(c.observations) ? 'withheld' : c.observations.value]),
  );

/** the learner levels' withholding for these counts, in catalogue order */
const levels = (...counts: number[]) =>
  shown(withholdSmallCounts(learnerLevels, new Map(learnerLevels.map((l, i) => [l, counts[i] ?? 0]))));

describe('practised', () => {
  it('counts the observations that took place by setting and by learner level, as the completed figure does', () => {
    const observations = [
      ...took(6),
      ...took(5, { setting: 'primaryCare', learnerLevel: 'intern' }),
      observation(future, { setting: 'primaryCare' }),
      observation(past, { setting: 'primaryCare', status: 'cancelled' }),
      observation(past, { setting: 'primaryCare', status: 'didNotHappen' }),
    ];
    const p = practised(observations, now);
    assert.deepEqual(shown(p.bySetting), {
      wardRound: 6,
      outpatientClinic: 'withheld',
      operatingTheatre: 'withheld',
      emergencyDepartment: 'withheld',
      primaryCare: 5,
      bedsideTeaching: 'withheld',
      other: 'withheld',
    });
    assert.deepEqual(shown(p.byLearnerLevel), {
      studentEarly: 'withheld',
      studentLate: 6,
      intern: 5,
      resident: 'withheld',
    });
    assert.deepEqual(computeFigures(facts({ observations }), now).practised, p);
  });

  it('withholds every count under 5, none included', () => {
    assert.deepEqual(levels(4, 3, 0, 1), {
      studentEarly: 'withheld',
      studentLate: 'withheld',
      intern: 'withheld',
      resident: 'withheld',
    });
    assert.deepEqual(levels(5, 7, 9, 12), { studentEarly: 5, studentLate: 7, intern: 9, resident: 12 });
  });

  it('withholds the next smallest with a lone small count, so the total minus the rest gives nothing away', () => {
    // shown: 20 completed, 9 and 8 — 20 − 17 = 3 would be the residents', were the 7 interns shown
    assert.deepEqual(levels(9, 8, 7, 3), {
      studentEarly: 9,
      studentLate: 8,
      intern: 'withheld',
      resident: 'withheld',
    });
    // the next smallest tied: all of them, or which one was kept back would tell the other's count
    assert.deepEqual(levels(5, 9, 5, 1), {
      studentEarly: 'withheld',
      studentLate: 9,
      intern: 'withheld',
      resident: 'withheld',
    });
  });

  it('never lets the total minus what is shown be pinned on one category, for any counts', () => {
    const upTo = 8;
    for (let n = 0; n < upTo ** 4; n++) {
      const counts = [0, 1, 2, 3].map((i) => Math.floor(n / upTo ** i) % upTo);
      const result = levels(...counts);
      const hidden = learnerLevels.filter((l) => result[l] === 'withheld');
      assert.notEqual(hidden.length, 1, `${counts}: total − shown is the one withheld count`);
      for (const [i, l] of learnerLevels.entries()) {
        if (counts[i]! < 5) assert.equal(result[l], 'withheld', `${counts}: ${l} under 5 is shown`);
      }
      // the hidden counts swapped between two withheld categories read the same: which holds what is unknown
      if (hidden.length < 2) continue;
      const [a, b] = [learnerLevels.indexOf(hidden[0]!), learnerLevels.indexOf(hidden[1]!)];
      const swapped = [...counts];
      [swapped[a], swapped[b]] = [counts[b]!, counts[a]!];
      assert.deepEqual(levels(...swapped), result, `${counts} and ${swapped} tell apart`);
    }
  });
});
