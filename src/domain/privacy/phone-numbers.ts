import { isRealDate, isRealShortDate } from './calendar';
import { Group, isLetterOrDigit } from './digit-groups';
import { Push } from './finding';

/**
 * Phone numbers, Swedish and international:
 * - Swedish numbers start with the trunk '0' and an area code ("070-123 45 67", "08-123 456 78",
 *   "0771-12 34 56", "(08) 123 456 78"); at most 10 digits. International ones start with '+' or '00' and a
 *   country code ("+46 70 123 45 67", "+46 (0)70-123 45 67", "0046701234567", "+44 20 7946 0958"); at most
 *   15 digits after '+' (E.164), 12 for +46 (9 national digits, an optional "(0)").
 * - At least 8 digits. Requiring the leading 0/+/00 is what keeps counts, durations ("480 minutes"), years
 *   ("2024"), scores and lab values out: they don't start with 0.
 * - Groups are joined by single spaces, dashes or parentheses; '.', ',', ':' and '/' end a number, so times
 *   ("10:00–11:00"), decimals ("0.5"), ratios ("120/80") and dotted dates never form one. Groups are taken
 *   while the digit count allows, so "070-123 45 67 2 gånger" stops before "2".
 * - Not a date ("01-02-2024", "01 02 2024", "01022024"), not a time range ("0800-1700"), not a list of
 *   single digits ("0 5 10 15 20": two one-digit groups in a row never occur in a phone number), no letter
 *   glued before it ("A0123456789" is a code, not a number).
 * - American "(415) 555-0100" without "+1" is not recognised: the bot's users are in Sweden.
 */
export function findPhones(text: string, groups: readonly Group[], push: Push): void {
  let i = 0;
  while (i < groups.length) {
    const g = groups[i] as Group;
    const start = phoneStart(text, g);
    if (!start) {
      i++;
      continue;
    }
    let digits = g.digits;
    const next = groups[i + 1];
    const ahead = digits + (next && !next.first ? next.digits : '');
    const cap =
      start.type === 'domestic'
        ? 10
        : start.type === 'plus'
          ? ahead.startsWith('46')
            ? 12
            : 15
          : ahead.startsWith('0046')
            ? 14
            : 17;
    let j = i;
    for (let n = groups[j + 1]; n && !n.first && !n.sep.includes('+'); n = groups[j + 1]) {
      if (digits.length + n.digits.length > cap) break;
      digits += n.digits;
      j++;
    }
    const parts = groups.slice(i, j + 1);
    if (digits.length <= cap && plausiblePhone(parts, digits)) {
      push('phone', start.pos, (groups[j] as Group).end);
      i = j + 1;
    } else {
      i++;
    }
  }
}

function phoneStart(
  text: string,
  g: Group,
): { pos: number; type: 'plus' | 'double0' | 'domestic' } | undefined {
  if (g.glued) return undefined;
  if (g.first) {
    const runStart = g.start - g.sep.length;
    if (isLetterOrDigit(text, runStart - 1)) return undefined;
    if (g.sep.includes('+')) return g.digits.startsWith('0') ? undefined : { pos: runStart, type: 'plus' };
  } else if (!/\s/.test(g.sep)) {
    return undefined; // "12-070…" continues another number
  }
  if (!g.digits.startsWith('0')) return undefined;
  const pos = g.sep.endsWith('(') ? g.start - 1 : g.start;
  if (g.digits.startsWith('00')) return { pos, type: 'double0' };
  return g.digits.length >= 2 ? { pos, type: 'domestic' } : undefined;
}

function plausiblePhone(parts: readonly Group[], digits: string): boolean {
  if (digits.length < 8) return false;
  const last = parts[parts.length - 1] as Group;
  if (last.last && last.gluedAfter) return false;
  for (let k = 1; k < parts.length; k++) {
    if ((parts[k] as Group).digits.length === 1 && (parts[k - 1] as Group).digits.length === 1) return false;
  }
  return !looksLikeDate(parts) && !looksLikeTimeRange(parts);
}

function looksLikeDate(parts: readonly Group[]): boolean {
  const n = parts.map((p) => Number(p.digits));
  const len = parts.map((p) => p.digits.length);
  if (parts.length === 3) {
    const [a, b, c] = n as [number, number, number];
    const [la, lb, lc] = len as [number, number, number];
    if (la <= 2 && lb <= 2 && lc === 4 && (isRealDate(c, b, a, undefined) || isRealDate(c, a, b, undefined)))
      return true;
    if (la <= 2 && lb <= 2 && lc === 2 && isRealShortDate(c, b, a, false, undefined)) return true;
    if (la === 4 && lb <= 2 && lc <= 2 && isRealDate(a, b, c, undefined)) return true;
  }
  if (parts.length === 1 && len[0] === 8) {
    const s = (parts[0] as Group).digits;
    const [dd, mm, yyyy] = [Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4))];
    if (isRealDate(yyyy, mm, dd, undefined)) return true;
  }
  return false;
}

function looksLikeTimeRange(parts: readonly Group[]): boolean {
  const hhmm = (s: string): boolean =>
    s.length === 4 && Number(s.slice(0, 2)) < 24 && Number(s.slice(2)) < 60;
  return parts.length === 2 && parts.every((p) => hhmm(p.digits));
}

/** a Swedish number split by dots ("070.123.45.67", "+46.70.123.45.67"): '.' ends an ordinary run */
const DOTTED_PHONE =
  /(?<![\p{L}\p{N}.,])(?:\+46\.?(?:\(0\))?|0)\d{1,3}(?:\.\d{2,4}){2,4}(?!\p{N}|[.,]\p{N})/gu;
/** a Swedish mobile number without its trunk '0' ("70-123 45 67", "701234567") */
const MOBILE_WITHOUT_ZERO =
  /(?<![\p{L}\p{N}+.,:/-])7[02369](?:[ -]{1,2}|\.)?\d{3}(?:[ .-]{1,2})?\d{2}(?:[ .-]{1,2})?\d{2}(?!\p{N}|[.,:/]\p{N})/gu;

/**
 * Phone numbers the digit runs cannot see: written with dots, and mobile numbers that drop the leading
 * '0' (070, 072, 073, 076, 079 are the mobile prefixes). A dotted run that reads as a date ("01.02.2024")
 * is a date; version numbers and decimals have groups too short or no leading 0.
 */
export function findLoosePhones(text: string, push: Push): void {
  DOTTED_PHONE.lastIndex = 0;
  for (let m = DOTTED_PHONE.exec(text); m; m = DOTTED_PHONE.exec(text)) {
    const parts = m[0].replace(/^\+46\.?(\(0\))?/, '').split('.');
    const digits = parts.join('').length;
    const [a, b, c] = parts.map(Number) as [number, number, number];
    const date =
      parts.length === 3 &&
      (isRealDate(c, b, a, undefined) ||
        isRealShortDate(c, b, a, false, undefined) ||
        isRealDate(a, b, c, undefined));
    if (!date && digits >= 8 && digits <= 10) push('phone', m.index, m.index + m[0].length);
  }
  MOBILE_WITHOUT_ZERO.lastIndex = 0;
  for (let m = MOBILE_WITHOUT_ZERO.exec(text); m; m = MOBILE_WITHOUT_ZERO.exec(text)) {
    push('phone', m.index, m.index + m[0].length);
  }
}
