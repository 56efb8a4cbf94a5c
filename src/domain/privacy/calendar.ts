/** Calendar arithmetic for the dates inside identifiers: no Date objects, no time zones. */

export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function calendarDay(date: Date): Day {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function compareDay(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Years of birth we consider: nobody alive (or in a personnummer) was born before 1850. */
const EARLIEST_YEAR = 1850;
const LATEST_YEAR = 2099;

/** a real date with a four-digit year, not in the future (when today is known) */
export function isRealDate(y: number, m: number, d: number, today: Day | undefined): boolean {
  if (y < EARLIEST_YEAR || y > LATEST_YEAR || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return false;
  return !today || compareDay({ y, m, d }, today) <= 0;
}

/**
 * A real date with a two-digit year. The century is the latest one that puts the date on or before today
 * (minus 100 years for a personnummer's '+'); without today, 20yy (only 29 February depends on it, and
 * every yy divisible by 4 is a leap year in the 2000s).
 */
export function isRealShortDate(
  yy: number,
  m: number,
  d: number,
  hundredPlus: boolean,
  today: Day | undefined,
): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  let y = 2000 + yy;
  if (today) {
    const base = { y: today.y - (hundredPlus ? 100 : 0), m: today.m, d: today.d };
    y = base.y - ((((base.y - yy) % 100) + 100) % 100);
    if (compareDay({ y, m, d }, base) > 0) y -= 100;
  }
  return d <= daysIn(y, m);
}
