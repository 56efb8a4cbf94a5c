import { DateTime, Interval } from 'luxon';
import { Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';

/**
 * "Wed, 2 Sept 2026, 10:00–11:00" in the reader's own time zone and locale. One range, formatted by
 * Intl's formatRange (through luxon, which caches the formatter), so the start and the end share one
 * format in every locale (en-US "9:05 – 9:15 AM", en-GB and sv-SE "09:05–09:15"), and the date is
 * written twice only when the end falls on another day.
 */
export function whenText(o: Pick<Observation, 'startsAt' | 'endsAt'>, words: Words): string {
  const at = (iso: string) =>
    DateTime.fromJSDate(new Date(iso)).setZone(words.timeZone).setLocale(words.locale);
  const range = Interval.fromDateTimes(at(o.startsAt), at(o.endsAt));
  // an end before the start is no range: the start alone is still right
  return range.isValid
    ? range.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)
    : words.dateTime(new Date(o.startsAt));
}

/** the other members' names, joined the reader's way */
export function peersText(
  o: Pick<Observation, 'memberIds'>,
  names: Readonly<Record<string, string>>,
  viewerId: string,
  words: Words,
): string {
  return words.list(o.memberIds.filter((m) => m !== viewerId).map((m) => names[m] || '—'));
}
