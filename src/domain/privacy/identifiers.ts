/**
 * Identifiers in free text (personnummer, phone numbers, record numbers, e-mail addresses), found before
 * anything a person typed is stored or sent: no patient or learner may be identifiable. The writer is
 * shown what was found — masked, so the card does not echo the identifier back in full — and asked to
 * rephrase.
 *
 * The detector is tuned for clinical supervisors' reflections: they are full of dates, times, durations,
 * ward numbers and lab values, so every rule (one file per kind, beside this one) says what makes a number
 * an identifier *and* what keeps an ordinary clinical number out. When in doubt the rules lean towards
 * flagging: a false alarm costs the writer a rephrase, a miss stores a patient's identity.
 *
 * Performance: every scan is a single left-to-right pass (global regexes whose repetitions are bounded or
 * unambiguous, plus hand-written scans around each '@'), and the context checks look at a bounded window,
 * so a 2,000-character answer costs a few tens of microseconds and there is no catastrophic backtracking.
 *
 * Pure: no I/O, and no wall clock — "today" is only ever what the caller passes in.
 */

import { calendarDay } from './calendar';
import { Context } from './cue-words';
import { findDatesOfBirth } from './dates-of-birth';
import { digitGroups } from './digit-groups';
import { findEmails } from './email-addresses';
import { Candidate, Finding, IdentifierKind, mask } from './finding';
import { findPersonnummer, findReservnummer } from './personnummer';
import { findLoosePhones, findPhones } from './phone-numbers';
import { findRecordNumbers } from './record-numbers';

export { mask };
export type { Finding, IdentifierKind };

export interface FindIdentifiersOptions {
  /**
   * The date the text is written (its UTC calendar day is used). Optional; with it, dates of birth and
   * 12-digit personnummer in the future are not identifiers, and the century of a 10-digit personnummer is
   * known (which only matters for 29 February). Without it, no date is too late.
   */
  readonly today?: Date;
}

/**
 * Characters that change nothing a reader sees but split a number for a matcher: zero-width spaces and
 * joiners, the word joiner and invisible operators, the soft hyphen, the byte-order mark, and the bidi
 * marks, embeddings, overrides and isolates.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/**
 * Free text as it is checked and stored: invisible characters removed, then NFKC, so full-width digits
 * ("８１１２１８"), the full-width '@' and compatibility spaces read as what they look like. Checking one
 * form and storing another would let an identifier through, so callers store this text.
 */
export function normaliseFreeText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * The one check for free text a person types that is stored or sent to someone: the normalised text
 * (the one to store) and every identifier in it, offsets into that text.
 */
export function screenFreeText(
  text: string,
  options: FindIdentifiersOptions = {},
): { text: string; findings: Finding[] } {
  const normalised = normaliseFreeText(text);
  return { text: normalised, findings: findIdentifiers(normalised, options) };
}

/**
 * Every identifier in `text` (already normalised: see `normaliseFreeText`), sorted by position, never
 * overlapping. Where candidates overlap the most specific kind wins (see `specificity`), then the longer
 * match.
 */
export function findIdentifiers(text: string, options: FindIdentifiersOptions = {}): Finding[] {
  const today = options.today ? calendarDay(options.today) : undefined;
  const found: Candidate[] = [];
  const push = (kind: IdentifierKind, start: number, end: number): void => {
    found.push({ kind, start, end });
  };
  // every identifier but an e-mail address has digits; answers without any are the common case
  if (/\d/.test(text)) {
    const context = new Context(text);
    const groups = digitGroups(text);
    findPersonnummer(groups, context, today, push);
    findReservnummer(text, context, push);
    findRecordNumbers(groups, context, push);
    findPhones(text, groups, push);
    findLoosePhones(text, push);
    findDatesOfBirth(text, context, today, push);
  }
  if (text.includes('@')) findEmails(text, push);
  return resolveOverlaps(found).map((c) => ({ ...c, shown: mask(text.slice(c.start, c.end)) }));
}

/**
 * Which kind wins when two candidates overlap. A personnummer is checked (Luhn, real date) and is the most
 * sensitive, so it beats everything; a record number needs a cue word, a date of birth a birth cue, and
 * both are more telling than a phone-shaped run of digits; an e-mail address is a whole token and beats
 * the phone-shaped digits inside it.
 */
const specificity: Readonly<Record<IdentifierKind, number>> = {
  personnummer: 6,
  samordningsnummer: 6,
  reservnummer: 6,
  recordNumber: 5,
  dateOfBirth: 4,
  email: 3,
  phone: 2,
};

function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      specificity[b.kind] - specificity[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || k.end <= c.start)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
