import { Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';

/**
 * "Wed, 2 Sept 2026, 10:00–11:00" in the reader's own time zone and locale. One range, formatted by
 * Intl's formatRange, so the start and the end share one format in every locale (en-US "9:05 – 9:15
 * AM", en-GB and sv-SE "09:05–09:15"), and the date is written twice only when the end falls on
 * another day.
 */
export function whenText(o: Pick<Observation, 'startsAt' | 'endsAt'>, words: Words): string {
  const [start, end] = [new Date(o.startsAt), new Date(o.endsAt)];
  // an end before the start is no range: the start alone is still right
  return start <= end ? words.range(start, end) : words.dateTime(start);
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
