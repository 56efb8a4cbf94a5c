import { minimumGroup } from '../report/figures';
import { isRating, Ratings, scale, StatementId, statementIds } from './statements';

/**
 * What the evaluation's coordinator card will show, computed from everyone's ratings: pure, so the
 * rules below are the whole story.
 *
 * - Nothing at all until at least `minimumGroup` people have answered at the end.
 * - Per statement and phase, the distribution (how many chose 1…5) and its median, over everyone who
 *   rated that statement then; withheld when fewer than `minimumGroup` did.
 * - Per statement, among those who rated it both times: how many rated it higher, the same, or lower
 *   at the end (see `changeGroups` for how small groups are merged).
 * - The overall ratings given at the end, as a distribution, on the same condition.
 */

/** how many chose each point of the scale (index 0 is 1), and the median of those choices */
export interface Distribution {
  readonly people: number;
  readonly counts: readonly number[];
  /** the mean of the two middle values for an even count */
  readonly median: number;
}

export type Direction = 'higher' | 'same' | 'lower';

/** the order directions are listed in, and merged along */
export const directions: readonly Direction[] = ['higher', 'same', 'lower'];

/** one figure shown: one direction, or several merged, and how many people */
export interface ChangeGroup {
  readonly directions: readonly Direction[];
  readonly count: number;
}

export interface Change {
  /** how many rated the statement both times: the sum of the groups */
  readonly answeredBoth: number;
  readonly groups: readonly ChangeGroup[];
}

export interface StatementRelease {
  readonly statement: StatementId;
  readonly baseline?: Distribution;
  readonly end?: Distribution;
  readonly change?: Change;
}

export interface EvaluationRelease {
  /** how many answered at the end (at least `minimumGroup`) */
  readonly endAnswered: number;
  readonly statements: readonly StatementRelease[];
  readonly overall?: Distribution;
}

export interface ReleaseInput {
  /** each person's baseline ratings, by person id */
  readonly baseline: ReadonlyMap<string, Ratings>;
  /** each person's ratings at the end, by person id */
  readonly end: ReadonlyMap<string, Ratings>;
  /** the overall rating each person gave at the end, by person id */
  readonly overall: ReadonlyMap<string, number>;
}

/** the distribution of `values`, or undefined when fewer than `minimumGroup` stand behind it */
function distribution(values: readonly number[]): Distribution | undefined {
  if (values.length < minimumGroup) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { people: values.length, counts: scale.map((v) => values.filter((x) => x === v).length), median };
}

/**
 * The change figures, or undefined when fewer than `minimumGroup` rated the statement both times.
 * A direction is shown alone only when at least `minimumGroup` share it. The others are merged, so
 * that no merged figure can be split by subtracting shown ones from the total:
 * - one small group: "higher" or "lower" merges with "same" (no change, or a change one way); a small
 *   "same" merges with the smaller of the other two (with "lower" on a tie);
 * - a small "same" and another small group merge together, and with the third as well when together
 *   they are still fewer than `minimumGroup`; small "higher" and "lower" merge with everything (a
 *   merged "higher or lower" would say that each is under five, which with its count can pin both
 *   down) — then only the total is shown.
 * Every shown figure is then at least `minimumGroup`, and every merged one holds two or three
 * directions whose split the figures leave open.
 */
export function changeGroups(counts: Readonly<Record<Direction, number>>): Change | undefined {
  const answeredBoth = directions.reduce((sum, d) => sum + counts[d], 0);
  if (answeredBoth < minimumGroup) return undefined;
  const small = directions.filter((d) => counts[d] < minimumGroup);
  let merged: Direction[] = [];
  if (small.length === 1) {
    const [d] = small as [Direction];
    merged =
      d !== 'same' ? [d, 'same'] : counts.higher < counts.lower ? ['higher', 'same'] : ['same', 'lower'];
  } else if (small.length === 2 && small.includes('same')) {
    const together = counts[small[0]!] + counts[small[1]!];
    merged = together >= minimumGroup ? [...small] : [...directions];
  } else if (small.length > 1) {
    // "higher or lower" would tell that both are small, and so bound each by the total alone
    merged = [...directions];
  }
  const inOrder = (ds: readonly Direction[]) => directions.filter((d) => ds.includes(d));
  const parts: Direction[][] = merged.length
    ? [inOrder(merged), ...directions.filter((d) => !merged.includes(d)).map((d) => [d])]
    : directions.map((d) => [d]);
  parts.sort((a, b) => directions.indexOf(a[0]!) - directions.indexOf(b[0]!));
  return {
    answeredBoth,
    groups: parts.map((ds) => ({ directions: ds, count: ds.reduce((sum, d) => sum + counts[d], 0) })),
  };
}

/** the ratings given to one statement, by person, leaving out anything off the scale */
function ratingsOf(byPerson: ReadonlyMap<string, Ratings>, id: StatementId): Map<string, number> {
  const out = new Map<string, number>();
  for (const [person, ratings] of byPerson) if (isRating(ratings[id])) out.set(person, ratings[id]);
  return out;
}

function answeredAny(ratings: Ratings): boolean {
  return statementIds.some((id) => isRating(ratings[id]));
}

/** the figures for the coordinator card, or undefined while fewer than five answered at the end */
export function releaseEvaluation(input: ReleaseInput): EvaluationRelease | undefined {
  const endAnswered = [...input.end.values()].filter(answeredAny).length;
  if (endAnswered < minimumGroup) return undefined;
  const statements = statementIds.map((statement): StatementRelease => {
    const before = ratingsOf(input.baseline, statement);
    const after = ratingsOf(input.end, statement);
    const counts = { higher: 0, same: 0, lower: 0 };
    for (const [person, end] of after) {
      const start = before.get(person);
      if (start !== undefined) counts[end > start ? 'higher' : end < start ? 'lower' : 'same']++;
    }
    const baseline = distribution([...before.values()]);
    const endFigures = distribution([...after.values()]);
    const change = changeGroups(counts);
    return {
      statement,
      ...(baseline ? { baseline } : {}),
      ...(endFigures ? { end: endFigures } : {}),
      ...(change ? { change } : {}),
    };
  });
  const overall = distribution([...input.overall.values()].filter(isRating));
  return { endAnswered, statements, ...(overall ? { overall } : {}) };
}
