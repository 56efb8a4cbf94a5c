import { screenFreeText } from '../privacy/identifiers';
import { OverallRatings } from './evaluation';
import { FoundIdentifier } from './questionnaire';
import { parseRatings, Ratings } from './statements';

/** the end card's overall questions, in the card's order, each with its scale */
export const overallQuestions = {
  /** how safe being observed felt overall */
  safety: [1, 5],
  /** how useful the programme was */
  usefulness: [1, 5],
  /** would they recommend it to a colleague */
  recommend: [0, 10],
} as const satisfies Record<keyof OverallRatings, readonly [number, number]>;

export type OverallId = keyof typeof overallQuestions;

export const overallIds = Object.keys(overallQuestions) as OverallId[];

/** the card's input for an overall question; a submitted field with this prefix must name one */
export const overallPrefix = 'o.';

/** the card's input for the comment to the coordinator */
export const commentField = 'comment';

/** a comment longer than this is refused (the card keeps it, to shorten) */
export const commentMaxLength = 1000;

/** the end card's answers as they are stored */
export interface EndAnswers {
  readonly ratings: Ratings;
  readonly overall: OverallRatings;
  /** normalised (see `screenFreeText`), trimmed; absent when nothing was written */
  readonly comment?: string;
}

export type EndParse =
  | { readonly ok: true; readonly answers: EndAnswers }
  /** a tampered card, nothing chosen or written, or a comment over the limit */
  | { readonly ok: false; readonly status: 'invalid' | 'empty' | 'tooLong' }
  /** the comment holds an identifier: its kind, and what was found, masked */
  | { readonly ok: false; readonly status: 'identifier'; readonly identifier: FoundIdentifier };

function overallOf(fields: Readonly<Record<string, string>>): OverallRatings | undefined {
  const overall: Partial<Record<OverallId, number>> = {};
  for (const [name, raw] of Object.entries(fields)) {
    if (!name.startsWith(overallPrefix)) continue;
    const id = name.slice(overallPrefix.length);
    if (!(overallIds as string[]).includes(id)) return undefined;
    if (raw === '') continue;
    const [min, max] = overallQuestions[id as OverallId];
    if (!/^\d{1,2}$/.test(raw) || Number(raw) < min || Number(raw) > max) return undefined;
    overall[id as OverallId] = Number(raw);
  }
  return overall;
}

/**
 * A submitted end card: the six statements as the baseline reads them, the overall questions on their
 * own scales, and the comment checked for identifiers in the form it is stored in. A tampered value
 * refuses the whole card rather than storing part of it.
 */
export function parseEndAnswers(fields: Readonly<Record<string, string>>, today: Date): EndParse {
  const parsed = parseRatings(fields);
  const overall = overallOf(fields);
  const typed = fields[commentField] ?? '';
  if (!parsed.ok || !overall || typeof typed !== 'string') return { ok: false, status: 'invalid' };
  const screened = screenFreeText(typed.trim(), { today });
  const comment = screened.text.trim();
  if (comment.length > commentMaxLength) return { ok: false, status: 'tooLong' };
  if (screened.findings.length > 0)
    return {
      ok: false,
      status: 'identifier',
      identifier: {
        kind: screened.findings[0]!.kind,
        found: screened.findings.map((f) => f.shown).join(', '),
      },
    };
  if (Object.keys(parsed.ratings).length + Object.keys(overall).length === 0 && !comment)
    return { ok: false, status: 'empty' };
  return { ok: true, answers: { ratings: parsed.ratings, overall, ...(comment ? { comment } : {}) } };
}
