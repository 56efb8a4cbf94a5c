import { Day, isRealDate, isRealShortDate } from './calendar';
import { Context } from './cue-words';
import { HY } from './digit-groups';
import { Push } from './finding';

// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, januari: 1, jan: 1,
  february: 2, februari: 2, feb: 2,
  march: 3, mars: 3, mar: 3,
  april: 4, apr: 4,
  may: 5, maj: 5,
  june: 6, juni: 6, jun: 6,
  july: 7, juli: 7, jul: 7,
  august: 8, augusti: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  october: 10, oktober: 10, oct: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const NB = '(?<!\\p{N})'; // no digit before
const NA = '(?!\\p{N})'; // no digit after

type Ymd = readonly [y: string, m: string, d: string];
function ymd(y: string | undefined, m: string | undefined, d: string | undefined): Ymd {
  return [y ?? '', m ?? '', d ?? ''];
}
const monthOf = (name: string | undefined): string => String(MONTHS[(name ?? '').toLowerCase()] ?? 0);

/** each form: a pattern and how to read year, month, day from its groups */
const DATE_FORMS: readonly { re: RegExp; read: (m: RegExpExecArray) => Ymd[] }[] = [
  // ISO and its variants: 1998-03-12, 1998/3/12, 1998.03.12
  {
    re: new RegExp(`${NB}(\\d{4})([${HY}/.])(\\d{1,2})\\2(\\d{1,2})${NA}`, 'gu'),
    read: (m) => [ymd(m[1], m[3], m[4])],
  },
  // day first: 12/03/1998, 12.3.1998, 12-03-98; with '/' also the American month first
  {
    re: new RegExp(`${NB}(\\d{1,2})([${HY}/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${NA}`, 'gu'),
    read: (m) => [ymd(m[4], m[3], m[1]), ...(m[2] === '/' ? [ymd(m[4], m[1], m[3])] : [])],
  },
  // Swedish handwriting: 12/3 1998, 12/3-98
  {
    re: new RegExp(`${NB}(\\d{1,2})/(\\d{1,2})[ ${HY}](\\d{4}|\\d{2})${NA}`, 'gu'),
    read: (m) => [ymd(m[3], m[2], m[1])],
  },
  // compact: 19980312, 980312 (as in "f. 980312")
  {
    re: new RegExp(`${NB}(\\d{8}|\\d{6})${NA}`, 'gu'),
    read: (m) => {
      const s = m[1] ?? '';
      return [ymd(s.slice(0, -4), s.slice(-4, -2), s.slice(-2))];
    },
  },
  // 12 March 1998, 12th of March 1998, 12 mars 1998, 12:e mars 1998, 12 jan. 1998
  {
    re: new RegExp(
      `${NB}(\\d{1,2})(?:st|nd|rd|th|:e|:a)?\\.?\\s{1,3}(?:of\\s{1,3})?(${MONTH})(?!\\p{L})\\.?,?\\s{1,3}(\\d{4})${NA}`,
      'giu',
    ),
    read: (m) => [ymd(m[3], monthOf(m[2]), m[1])],
  },
  // March 12, 1998
  {
    re: new RegExp(
      `(?<!\\p{L})(${MONTH})(?!\\p{L})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})${NA}`,
      'giu',
    ),
    read: (m) => [ymd(m[3], monthOf(m[1]), m[2])],
  },
];

/**
 * Dates of birth: a full date (day, month and year; numeric, ISO, compact, or with an English or Swedish
 * month name) that is a real date — not in the future when today is known — AND sits next to a birth cue:
 * after "born", "född", "DOB", "date of birth", "födelsedatum", "f." (see `CUES` in cue-words.ts), or
 * followed by a noun cue ("1998-03-12 (DOB)"). A bare date is an observation date, a deadline or a
 * meeting, never flagged: the text is full of them and they identify nobody. A year alone ("född 1998") is
 * not a full date.
 */
export function findDatesOfBirth(text: string, context: Context, today: Day | undefined, push: Push): void {
  if (!context.has('birthBefore') && !context.has('birthTight')) return; // no cue, no date of birth
  for (const form of DATE_FORMS) {
    form.re.lastIndex = 0;
    for (let m = form.re.exec(text); m; m = form.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const real = form
        .read(m)
        .some(([y, mo, d]) =>
          y.length === 4
            ? isRealDate(Number(y), Number(mo), Number(d), today)
            : isRealShortDate(Number(y), Number(mo), Number(d), false, today),
        );
      const cued =
        context.before('birthBefore', start) ||
        context.before('birthTight', start) ||
        context.after('birthAfter', end);
      if (real && cued) push('dateOfBirth', start, end);
    }
  }
}
