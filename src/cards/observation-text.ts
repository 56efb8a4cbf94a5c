import { Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';

/** "Wed 2 Sept 2026, 10:00–11:00" in the reader's own time zone and locale */
export function whenText(o: Pick<Observation, 'startsAt' | 'endsAt'>, words: Words): string {
  const start = new Date(o.startsAt);
  const end = new Date(o.endsAt);
  return `${words.dateTime(start)}–${timeFormat(words.locale, words.timeZone).format(end)}`;
}

/** making an Intl.DateTimeFormat costs far more than using one: one per locale and time zone */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
    timeFormats.set(key, f);
  }
  return f;
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
