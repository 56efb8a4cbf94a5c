/** What a detector finds — the kind of identifier and where it is — and how it is shown to the writer. */

export type IdentifierKind =
  'personnummer' | 'samordningsnummer' | 'reservnummer' | 'dateOfBirth' | 'phone' | 'email' | 'recordNumber';

export interface Finding {
  readonly kind: IdentifierKind;
  /** UTF-16 offsets into the text: `text.slice(start, end)` is what was found */
  readonly start: number;
  readonly end: number;
  /**
   * The found text masked for showing to the writer: every character except the last two becomes '•',
   * apart from separators (space, '-', '+', '(', ')', '.', '@', …), so "19811218-9876" shows as
   * "••••••••-••76". Never more than two letters or digits of the original are shown.
   */
  readonly shown: string;
}

/** one detector's find, before overlaps are resolved and the text is masked */
export interface Candidate {
  readonly kind: IdentifierKind;
  readonly start: number;
  readonly end: number;
}
/** how a detector reports a candidate */
export type Push = (kind: IdentifierKind, start: number, end: number) => void;

/** characters that carry no information about the identifier and help the writer recognise it */
const SHOWN_AS_IS = /[\s\-\u2010-\u2014\u2212+()./@:,_']/u;

/**
 * Masks all but the last two characters. Separators stay (the shape helps the writer find the place);
 * everything else — digits, letters, and anything unexpected, even half a surrogate pair — becomes '•'.
 * The length in UTF-16 units stays the same, so `shown` lines up with `start`/`end`.
 */
export function mask(found: string): string {
  let out = '';
  for (let i = 0; i < found.length; i++) {
    const ch = found.charAt(i);
    out += i >= found.length - 2 || SHOWN_AS_IS.test(ch) ? ch : '•';
  }
  return out;
}
