import { Clock } from '../clock';
import { mutate } from '../mutate';
import { Repositories } from '../repositories';
import { CalendarEntry, calendarId, describes, overlaps, upcomingEntries, withEntry } from './calendar';
import { Observation } from './observation';

/**
 * How long a calendar entry that does not match its observation is believed: the scheduling that
 * wrote it may still be writing the observation. After that it is a leftover of a scheduling that
 * stopped half-way, and gives way to what the observation says.
 */
const calendarHoldMinutes = 2;
/**
 * Observations a pair may have ahead (not ended yet) at once. Each sits in both members' calendar
 * documents, which every scheduling reads and writes whole, and each brings its peer a notice: a
 * term's worth of planning, far below what would make either grow or flood anyone.
 */
export const maxUpcomingPerPair = 10;

/** a reservation in one member's calendar, and the entry it replaced (a move), to put back on failure */
export interface Held {
  readonly personId: string;
  readonly previous: CalendarEntry | undefined;
}

/** an observation's time, taken in (and given back to) each member's calendar */
export class CalendarReservations {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes the slot in each member's calendar, one after another in a fixed order, under ETags: two
   * schedulings racing for one person's time both write that calendar, and the second sees the
   * first's entry. So the pair's limit of observations ahead is counted there too: two racing for
   * the last place cannot both have it. On a clash or a full calendar the ones already written are
   * put back.
   */
  async reserve(memberIds: readonly string[], slot: CalendarEntry): Promise<Held[] | 'clash' | 'full'> {
    const held: Held[] = [];
    for (const personId of [...memberIds].sort()) {
      const outcome = await this.reserveFor(personId, slot);
      if (outcome === 'clash' || outcome === 'full') {
        await this.release(held, slot);
        return outcome;
      }
      held.push(outcome);
    }
    return held;
  }

  private async reserveFor(personId: string, slot: CalendarEntry): Promise<Held | 'clash' | 'full'> {
    const id = calendarId(personId);
    const known = await this.repos.cycles.calendars.read(id, id);
    const now = this.clock.now();
    const repairs = await this.repairs(
      (known?.doc.entries ?? []).filter((e) => e.observationId !== slot.observationId && overlaps(e, slot)),
      now,
    );
    let clash = false;
    let full = false;
    let previous: CalendarEntry | undefined;
    await mutate(
      this.repos.cycles.calendars,
      id,
      id,
      (cur) => {
        const entries = (cur?.entries ?? []).flatMap((e) =>
          repairs.has(e.hold) ? (repairs.get(e.hold) ?? []) : [e],
        );
        const others = entries.filter((e) => e.observationId !== slot.observationId);
        clash = others.some((e) => overlaps(e, slot));
        previous = entries.find((e) => e.observationId === slot.observationId);
        // a move keeps its place; a new observation needs one of the pair's places still free
        full =
          !previous &&
          upcomingEntries(others, now).filter((e) => e.pairId === slot.pairId).length >= maxUpcomingPerPair;
        return clash || full
          ? undefined
          : withEntry(personId, cur && { ...cur, entries }, slot, slot.observationId, now);
      },
      undefined,
      known,
    );
    return clash ? 'clash' : full ? 'full' : { personId, previous };
  }

  /**
   * What to do about entries in the way that are older than the hold and no longer say what their
   * observation says (a scheduling stopped between its two writes): by hold, the entry as the
   * observation has it, or undefined to drop it. A point read per such entry; usually there is none.
   */
  private async repairs(
    entries: readonly CalendarEntry[],
    now: Date,
  ): Promise<Map<string, CalendarEntry | undefined>> {
    const out = new Map<string, CalendarEntry | undefined>();
    const old = entries.filter((e) => now.getTime() - Date.parse(e.at) >= calendarHoldMinutes * 60_000);
    for (const e of old) {
      const o = (await this.repos.cycles.observations.read(e.observationId, e.pairId))?.doc;
      if (describes(e, o)) continue;
      out.set(
        e.hold,
        o?.status === 'scheduled' ? { ...e, startsAt: o.startsAt, endsAt: o.endsAt } : undefined,
      );
    }
    return out;
  }

  /** undoes a reservation where it is still this scheduling's own (a later one may have replaced it) */
  async release(held: readonly Held[], slot: CalendarEntry): Promise<void> {
    await Promise.all(
      held.map(({ personId, previous }) => {
        const id = calendarId(personId);
        return mutate(this.repos.cycles.calendars, id, id, (cur) =>
          cur?.entries.some((e) => e.hold === slot.hold)
            ? withEntry(personId, cur, previous, slot.observationId, this.clock.now())
            : undefined,
        );
      }),
    );
  }

  /** takes an observation that will no longer happen out of its members' calendars */
  async unlist(o: Observation): Promise<void> {
    await Promise.all(
      o.memberIds.map((personId) => {
        const id = calendarId(personId);
        return mutate(this.repos.cycles.calendars, id, id, (cur) =>
          cur?.entries.some((e) => e.observationId === o.id)
            ? withEntry(personId, cur, undefined, o.id, this.clock.now())
            : undefined,
        );
      }),
    );
  }
}
