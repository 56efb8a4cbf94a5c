import { Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';

/** "Wed 2 Sept 2026, 10:00–11:00" in the reader's own time zone and locale */
export function whenText(o: Pick<Observation, 'startsAt' | 'endsAt'>, words: Words): string {
  const start = new Date(o.startsAt);
  const end = new Date(o.endsAt);
  const endTime = new Intl.DateTimeFormat(words.locale, {
    timeZone: words.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(end);
  return `${words.dateTime(start)}–${endTime}`;
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
