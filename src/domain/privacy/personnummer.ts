/**
 * Swedish personal identity numbers: personnummer, samordningsnummer (coordination numbers) and
 * reservnummer (the regions' temporary numbers).
 */

import { Context } from './cue-words';
import { Day, isRealDate, isRealShortDate } from './calendar';
import { Group, sepChar } from './digit-groups';
import { Push } from './finding';

/**
 * Luhn (mod 10) over the ten digits YYMMDDNNNN, as Skatteverket specifies: weights 2,1,2,1,…, digits of
 * the products summed, the total a multiple of ten.
 */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const n = (tenDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  }
  return sum % 10 === 0;
}

type PnrKind = 'personnummer' | 'samordningsnummer';

/**
 * The kind of number `date` (YYMMDD or YYYYMMDD) + `serial` (NNNN) is shaped like, and whether it passes
 * Luhn; undefined when the date part is not a real date. A samordningsnummer (coordination number, given
 * to people not registered in Sweden) is a personnummer with 60 added to the day: 61–91.
 * 12-digit forms: the year is 1850–2099 and (with today) not in the future. 10-digit forms: see
 * `isRealShortDate`; '+' marks someone 100 or older, and is only written with the short form.
 */
function pnrShape(
  date: string,
  serial: string,
  hundredPlus: boolean,
  today: Day | undefined,
): { kind: PnrKind; luhn: boolean } | undefined {
  const short = date.slice(-6);
  const m = Number(short.slice(2, 4));
  const rawDay = Number(short.slice(4, 6));
  const kind: PnrKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const d = rawDay > 60 ? rawDay - 60 : rawDay;
  const real =
    date.length === 8
      ? isRealDate(Number(date.slice(0, 4)), m, d, today)
      : isRealShortDate(Number(short.slice(0, 2)), m, d, hundredPlus, today);
  return real ? { kind, luhn: luhnValid(short + serial) } : undefined;
}

/**
 * Personnummer and samordningsnummer, in the forms YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN and
 * YYYYMMDDNNNN (a space or an en dash also separates: people type them, and autocorrect makes them).
 * - Counted when the date part is a real date AND the Luhn check passes: with both, a random clinical
 *   number ("12345678-9012", a lab accession, "20240312-1234" from a form) almost never qualifies.
 * - A number of that shape with a real date that FAILS Luhn counts when it is written the personnummer
 *   way, date and serial joined by '-' or '+' ("811218-9875"): nothing clinical is written so, and a typo
 *   does not make it anonymous. Run together or split by a space it counts only right after a
 *   personnummer cue ("pnr", "personnummer", "pers.nr", "personal number", …), so lab values and
 *   accession numbers don't trigger.
 * - '+' (someone 100 or older) is also taken after the 12-digit form ("19121212+1212"): people write it.
 * - Not part of a decimal ("3.8112189876"): a run glued to a '.', ',' or ':' and a digit is skipped.
 */
export function findPersonnummer(
  groups: readonly Group[],
  context: Context,
  today: Day | undefined,
  push: Push,
): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    if (g.glued) continue;
    const next = groups[i + 1];
    if (next && !next.first && !(next.last && next.gluedAfter) && next.digits.length === 4) {
      const sep = sepChar(next.sep);
      const len = g.digits.length;
      const pairs = (len === 6 || len === 8) && ['', '-', '+'].includes(sep);
      const plus = sep === '+' && len === 6;
      if (pairs && consider(g.digits, next.digits, plus, sep !== '', g.start, next.end)) {
        i++;
        continue;
      }
    }
    if ((g.digits.length === 10 || g.digits.length === 12) && !(g.last && g.gluedAfter)) {
      consider(g.digits.slice(0, -4), g.digits.slice(-4), false, false, g.start, g.end);
    }
  }

  function consider(
    date: string,
    serial: string,
    hundredPlus: boolean,
    joined: boolean,
    start: number,
    end: number,
  ): boolean {
    const shape = pnrShape(date, serial, hundredPlus, today);
    if (!shape || !(shape.luhn || joined || context.before('pnr', start))) return false;
    push(shape.kind, start, end);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reservnummer

/** a date of birth (YYMMDD or YYYYMMDD) and four characters, one or more a letter (two or more digits) */
const RESERV =
  /(?<![\p{L}\p{N}])(\d{8}|\d{6})[-+ ]?(?=[A-Za-z\d]{0,3}[A-Za-z])([A-Za-z\d]{4})(?![\p{L}\p{N}])/gu;
/** what follows a reservnummer cue: a token with at least six digits */
const RESERV_TOKEN = /(?<![\p{L}\p{N}])[A-Za-z\d][A-Za-z\d+-]{5,15}(?![\p{L}\p{N}])/gu;

/**
 * Reservnummer: the temporary identity numbers regions give to people without a known personnummer. Each
 * region has its own form; most keep the date of birth and put a letter in the serial ("19850709-K123",
 * "850709-R123", "19850709-12T4"), and no clinical number is a real date followed by such a serial. Any
 * form at all counts right after a reservnummer cue ("reservnummer 991234567890", "temporary ID …").
 */
export function findReservnummer(text: string, context: Context, push: Push): void {
  RESERV.lastIndex = 0;
  for (let m = RESERV.exec(text); m; m = RESERV.exec(text)) {
    const date = m[1] ?? '';
    const short = date.slice(-6);
    const y = date.length === 8 ? Number(date.slice(0, 4)) : 2000 + Number(short.slice(0, 2));
    const mo = Number(short.slice(2, 4));
    const d = Number(short.slice(4, 6));
    const real = date.length === 8 ? isRealDate(y, mo, d > 60 ? d - 60 : d, undefined) : mo >= 1 && mo <= 12;
    const serialDigits = (m[2] ?? '').replace(/\D/g, '').length;
    if (real && d >= 1 && d <= 91 && serialDigits >= 2) push('reservnummer', m.index, m.index + m[0].length);
  }
  if (!context.has('reserv')) return;
  RESERV_TOKEN.lastIndex = 0;
  for (let m = RESERV_TOKEN.exec(text); m; m = RESERV_TOKEN.exec(text)) {
    if ((m[0].match(/\d/g) ?? []).length >= 6 && context.before('reserv', m.index)) {
      push('reservnummer', m.index, m.index + m[0].length);
    }
  }
}
