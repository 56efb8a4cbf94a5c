import { Observation } from './observation';

/** one observation in a person's calendar: when it is, and where to read it */
export interface CalendarEntry {
  readonly observationId: string;
  readonly pairId: string;
  /** UTC instants, as on the observation */
  readonly startsAt: string;
  readonly endsAt: string;
  /** when the entry was written: an entry whose observation never got written is ignored after a while */
  readonly at: string;
  /** who wrote it (one id per scheduling), so that undoing a reservation never undoes someone else's */
  readonly hold: string;
}

/**
 * A person's observations that have not ended yet, across all their pairs: what the overlap check
 * and `upcoming` read, by point read, instead of querying every observation ever stored. Kept
 * small: entries that have ended are dropped whenever it is written. Lives in `people`, under its
 * own id (its partition), beside the person document; no calendar yet means nothing upcoming.
 */
export interface Calendar {
  readonly type: 'calendar';
  /** `calendar:<personId>`; also the partition key value */
  readonly id: string;
  readonly personId: string;
  /** soonest first */
  readonly entries: readonly CalendarEntry[];
  readonly updatedAt: string;
}

export function calendarId(personId: string): string {
  return `calendar:${personId}`;
}

/** whether two half-open spans [startsAt, endsAt) share a moment */
export function overlaps(
  a: Pick<CalendarEntry, 'startsAt' | 'endsAt'>,
  b: Pick<CalendarEntry, 'startsAt' | 'endsAt'>,
): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(a.endsAt) > Date.parse(b.startsAt);
}

/** the entries that have not ended at `now`, soonest first */
export function upcomingEntries(entries: readonly CalendarEntry[], now: Date): CalendarEntry[] {
  return entries
    .filter((e) => Date.parse(e.endsAt) > now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** whether an entry still describes its observation as stored (undefined: not stored) */
export function describes(entry: CalendarEntry, o: Observation | undefined): boolean {
  return (
    o !== undefined && o.status === 'scheduled' && o.startsAt === entry.startsAt && o.endsAt === entry.endsAt
  );
}

/** the calendar with `entry` in place of any entry for its observation, ended ones dropped */
export function withEntry(
  personId: string,
  current: Calendar | undefined,
  entry: CalendarEntry | undefined,
  observationId: string,
  now: Date,
): Calendar {
  const kept = (current?.entries ?? []).filter((e) => e.observationId !== observationId);
  return {
    type: 'calendar',
    id: calendarId(personId),
    personId,
    entries: upcomingEntries(entry ? [...kept, entry] : kept, now),
    updatedAt: now.toISOString(),
  };
}
