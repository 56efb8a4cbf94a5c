/**
 * Digit groups: the shared view of every number in the text. The personnummer, record-number and phone
 * detectors all read these groups rather than each scanning the text for numbers of its own.
 */

const SP = ' \\u00a0\\u2009\\u202f'; // space, no-break space, thin spaces (Teams and Word insert them)
export const HY = '\\-\\u2010\\u2011\\u2013\\u2014\\u2212'; // hyphen, dashes, minus (autocorrect turns '-' into '–')

/**
 * A run is digits joined by single separators: a space (or two: a slip of the thumb), a dash (optionally spaced: " - "), a '+', or
 * parentheses around a group ("(08) 123", "+46 (0)70"). Each repetition consumes one digit and the
 * separator alternatives start differently or need a digit next, so the match is linear.
 * '.', ',', ':' and '/' end a run: they make decimals ("0.5"), times ("10:00"), ratios ("120/80") and
 * dates ("12/3"), which are never part of a personnummer, phone or record number.
 */
const RUN = new RegExp(
  `[+(]?\\d(?:(?:[${SP}]{0,2}[${HY}][${SP}]{0,2}|[${SP}]{0,2}\\(|\\)[${SP}]{0,2}|[${SP}]{1,2}|\\+)?\\d)*`,
  'g',
);
const DIGITS = /\d+/g;

export interface Group {
  /** offsets of the digits */
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** the separator before this group in its run; for a run's first group, what precedes its digits ('+', '(' or '') */
  readonly sep: string;
  /** first / last group of its run */
  readonly first: boolean;
  last: boolean;
  /** the run continues a number across a '.', ',' or ':' ("3.1415…", "10:0800…"): the run's first group */
  readonly glued: boolean;
  /** … or the last group is followed by one ("0701234567,5") */
  gluedAfter: boolean;
}

export function digitGroups(text: string): Group[] {
  const groups: Group[] = [];
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    const runStart = run.index;
    const glued = isGlue(text, runStart - 1) && isDigit(text, runStart - 2);
    let previousEnd = runStart;
    DIGITS.lastIndex = 0;
    for (let d = DIGITS.exec(run[0]); d; d = DIGITS.exec(run[0])) {
      const start = runStart + d.index;
      groups.push({
        start,
        end: start + d[0].length,
        digits: d[0],
        sep: text.slice(previousEnd, start),
        first: previousEnd === runStart,
        last: false,
        glued: previousEnd === runStart && glued,
        gluedAfter: false,
      });
      previousEnd = start + d[0].length;
    }
    const last = groups[groups.length - 1];
    if (last) {
      last.last = true;
      last.gluedAfter = isGlue(text, last.end) && isDigit(text, last.end + 1);
    }
  }
  return groups;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}
function isGlue(text: string, i: number): boolean {
  const c = text.charAt(i);
  return c === '.' || c === ',' || c === ':';
}
const LETTER = /[\p{L}\p{N}]/u;
export function isLetterOrDigit(text: string, i: number): boolean {
  return i >= 0 && i < text.length && LETTER.test(text.charAt(i));
}

/** the separator's significant character: '' for whitespace only, else the dash, '+' or parenthesis */
export function sepChar(sep: string): string {
  const s = sep.replace(/[\s\u00a0\u2009\u202f]/g, '');
  return /^[\u2010\u2011\u2013\u2014\u2212]$/.test(s) ? '-' : s;
}
