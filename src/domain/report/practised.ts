import { LearnerLevel, learnerLevels, Setting, settings } from '../cycle/observation';
import { ObservationFact } from './facts';
import { Figure, isCompleted, minimumGroup } from './figures';

/**
 * What was practised: the observations that took place, counted by setting and by learner level, so
 * that a coordinator sees in which circumstances the programme is used.
 *
 * An observation took place exactly when the report counts it as completed (`isCompleted`), so each
 * breakdown adds up to the completed figure the report shows. Setting and learner level are chosen
 * from lists when scheduling, never written, but a count is still a small group: every count under
 * `minimumGroup` is withheld, 0 too (a 0 shown beside a lone 3 withheld would give the 3 away).
 *
 * The completed total is shown, so one withheld count on its own would be the total minus the
 * others. Hence, within a breakdown: when exactly one count is withheld, every count equal to the
 * smallest of the rest is withheld with it. A coordinator then learns what the withheld
 * counts add up to, never which category holds which: swapping the counts of any two withheld
 * categories withholds the same ones (withholding only one of several tied smallest counts would
 * break that, for the one kept back would be told apart from the others by the order of the list).
 *
 * Between two reports a count moves when an observation takes place, as the completed figure and the
 * pair list do; that one observation's setting and learner level are context, not anything its people
 * wrote or answered, so they are not released in steps as the figures from answers are (release.ts).
 */

/** one category's count of observations that took place, or withheld */
export interface CategoryCount<C extends string> {
  readonly category: C;
  readonly observations: Figure;
}

export interface Practised {
  /** every setting, in the order of the schedule card */
  readonly bySetting: readonly CategoryCount<Setting>[];
  /** every learner level, in the order of the schedule card */
  readonly byLearnerLevel: readonly CategoryCount<LearnerLevel>[];
}

/** the categories' counts in their order, withheld by the rule at the top of this file */
export function withholdSmallCounts<C extends string>(
  categories: readonly C[],
  counts: ReadonlyMap<C, number>,
): CategoryCount<C>[] {
  const count = (c: C) => counts.get(c) ?? 0;
  const small = categories.filter((c) => count(c) < minimumGroup);
  const rest = categories.filter((c) => count(c) >= minimumGroup);
  const nextSmallest = Math.min(...rest.map(count));
  const withheld = new Set(
    small.length === 1 ? [...small, ...rest.filter((c) => count(c) === nextSmallest)] : small,
  );
  return categories.map((category) => ({
    category,
    observations: withheld.has(category) ? { withheld: true } : { value: count(category) },
  }));
}

function countBy<C extends string>(values: readonly C[]): Map<C, number> {
  const counts = new Map<C, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** the observations that took place by `now`, by setting and by learner level */
export function practised(observations: readonly ObservationFact[], now: Date): Practised {
  const tookPlace = observations.filter((o) => isCompleted(o, now));
  return {
    bySetting: withholdSmallCounts(settings, countBy(tookPlace.map((o) => o.setting))),
    byLearnerLevel: withholdSmallCounts(learnerLevels, countBy(tookPlace.map((o) => o.learnerLevel))),
  };
}
