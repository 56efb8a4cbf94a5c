/**
 * The evaluation's six statements, one per theme of the study the programme is built on, in the
 * order the card shows them. Each is rated on a 1–5 agreement scale (1 = strongly disagree,
 * 5 = strongly agree). Answers are stored by these ids, so an id never changes once used.
 */
export const statementIds = [
  /** exploring a teaching strategy */
  'strategies',
  /** handling authentic complexity */
  'complexity',
  /** reflecting on one's own supervision */
  'reflection',
  /** receiving feedback one trusts (credible feedback) */
  'feedback',
  /** awareness of the learner's perspective */
  'learnerPerspective',
  /** supervision as a shared concern */
  'sharedConcern',
] as const;

export type StatementId = (typeof statementIds)[number];

/** one person's ratings, by statement; a statement left unanswered is absent */
export type Ratings = Partial<Record<StatementId, number>>;

/** the agreement scale, lowest first */
export const scale = [1, 2, 3, 4, 5] as const;

export function isStatementId(id: string): id is StatementId {
  return (statementIds as readonly string[]).includes(id);
}

/** a whole number on the scale */
export function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** the card's input for a statement; a submitted field with this prefix must name a statement */
export const inputPrefix = 's.';

/**
 * Ratings from a submitted card: every field named `s.<statement>` must name one of the six and
 * hold '1'…'5' (or nothing: a statement may be skipped). Anything else is a tampered card, refused
 * whole rather than partly stored.
 */
export function parseRatings(
  fields: Readonly<Record<string, string>>,
): { readonly ok: true; readonly ratings: Ratings } | { readonly ok: false } {
  const ratings: Ratings = {};
  for (const [name, raw] of Object.entries(fields)) {
    if (!name.startsWith(inputPrefix)) continue;
    const id = name.slice(inputPrefix.length);
    if (!isStatementId(id)) return { ok: false };
    if (raw === '') continue;
    if (!/^[1-5]$/.test(raw)) return { ok: false };
    ratings[id] = Number(raw);
  }
  return { ok: true, ratings };
}
