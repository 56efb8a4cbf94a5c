import { minimumGroup } from '../report/figures';
import { OverallRatings } from './evaluation';
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
 * - The overall ratings given at the end (safety and usefulness 1–5, recommend 0–10), each as a
 *   distribution on the same condition.
 * - The comments written at the end, only when at least `minimumGroup` people wrote one: their text
 *   alone, in an order computed from the texts (see `releasedComments`), never who wrote which.
 */

/**
 * how many chose each point of the scale (index 0 is the scale's lowest: 1, or 0 for "recommend"),
 * and the median of those choices
 */
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

export type OverallQuestion = keyof OverallRatings;

/** each overall question's scale, lowest first */
export const overallScales: Readonly<Record<OverallQuestion, readonly number[]>> = {
  safety: scale,
  usefulness: scale,
  recommend: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

export const overallQuestions = Object.keys(overallScales) as OverallQuestion[];

export interface EvaluationRelease {
  /** how many answered at the end (at least `minimumGroup`) */
  readonly endAnswered: number;
  readonly statements: readonly StatementRelease[];
  /** each overall question rated by at least `minimumGroup` */
  readonly overall: Readonly<Partial<Record<OverallQuestion, Distribution>>>;
  /** the comments, when at least `minimumGroup` people wrote one */
  readonly comments?: readonly string[];
}

export interface ReleaseInput {
  /** each person's baseline ratings, by person id */
  readonly baseline: ReadonlyMap<string, Ratings>;
  /** each person's ratings at the end, by person id */
  readonly end: ReadonlyMap<string, Ratings>;
  /** the overall ratings each person gave at the end, by person id */
  readonly overall: ReadonlyMap<string, OverallRatings>;
  /** the comment each person wrote at the end, by person id */
  readonly comments: ReadonlyMap<string, string>;
}

/** the distribution of `values`, or undefined when fewer than `minimumGroup` stand behind it */
function distribution(
  values: readonly number[],
  points: readonly number[] = scale,
): Distribution | undefined {
  if (values.length < minimumGroup) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { people: values.length, counts: points.map((v) => values.filter((x) => x === v).length), median };
}

/** the overall question's answers that are whole points of its scale */
function overallOf(input: ReleaseInput, question: OverallQuestion): number[] {
  const points = overallScales[question];
  return [...input.overall.values()]
    .map((o) => o[question])
    .filter((v): v is number => typeof v === 'number' && points.includes(v));
}

/** FNV-1a: a small, stable hash, so that the same texts always give the same order */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The comments as released: none unless at least `minimumGroup` people wrote one; then their texts,
 * shuffled by a generator seeded from the texts themselves (sorted first), so the order depends on
 * nothing but what was written — not on who wrote it, when, or the order the store returned it in.
 */
export function releasedComments(byPerson: ReadonlyMap<string, string>): string[] | undefined {
  const texts = [...byPerson.values()].map((c) => c.trim()).filter(Boolean);
  if (texts.length < minimumGroup) return undefined;
  texts.sort();
  let state = hash(texts.join('\u0000')) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = texts.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [texts[i], texts[j]] = [texts[j]!, texts[i]!];
  }
  return texts;
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

/** people who gave anything at the end: a statement rated, an overall rating, or a comment */
function endAnsweredBy(input: ReleaseInput): number {
  const people = new Set<string>();
  for (const [person, ratings] of input.end)
    if (statementIds.some((id) => isRating(ratings[id]))) people.add(person);
  for (const [person, overall] of input.overall)
    if (overallQuestions.some((q) => overallScales[q].includes(overall[q] as number))) people.add(person);
  for (const [person, comment] of input.comments) if (comment.trim()) people.add(person);
  return people.size;
}

/** the figures for the coordinator card, or undefined while fewer than five answered at the end */
export function releaseEvaluation(input: ReleaseInput): EvaluationRelease | undefined {
  const endAnswered = endAnsweredBy(input);
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
  const overall: Partial<Record<OverallQuestion, Distribution>> = {};
  for (const q of overallQuestions) {
    const d = distribution(overallOf(input, q), overallScales[q]);
    if (d) overall[q] = d;
  }
  const comments = releasedComments(input.comments);
  return { endAnswered, statements, overall, ...(comments ? { comments } : {}) };
}
