import assert from 'node:assert/strict';
import {
  CalendarEntry,
  describes,
  overlaps,
  upcomingEntries,
  withEntry,
} from '../../../src/domain/cycle/calendar';
import { Observation } from '../../../src/domain/cycle/observation';

/** an entry for `observationId` from `start` to `end` (hours on 3 September 2026, UTC) */
function entry(observationId: string, start: number, end = start + 1): CalendarEntry {
  const at = (h: number) => new Date(Date.UTC(2026, 8, 3, h)).toISOString();
  return {
    observationId,
    pairId: 'pair:ab',
    startsAt: at(start),
    endsAt: at(end),
    at: at(0),
    hold: observationId,
  };
}

describe('calendar: a person’s observations that have not ended', () => {
  it('counts two spans as overlapping only when they share a moment', () => {
    assert.equal(overlaps(entry('a', 8, 10), entry('b', 9)), true);
    assert.equal(overlaps(entry('a', 8), entry('b', 9)), false, 'back to back');
    assert.equal(overlaps(entry('b', 9), entry('a', 8)), false, 'back to back, either way round');
  });

  it('lists what has not ended, soonest first', () => {
    const now = new Date('2026-09-03T09:30:00Z');
    assert.deepEqual(
      upcomingEntries([entry('late', 12), entry('ended', 7), entry('now', 9)], now).map(
        (e) => e.observationId,
      ),
      ['now', 'late'],
    );
  });

  it('replaces an observation’s entry, and drops what has ended', () => {
    const now = new Date('2026-09-03T09:30:00Z');
    const current = withEntry('p', undefined, entry('a', 8), 'a', new Date('2026-09-03T07:00:00Z'));
    const moved = withEntry(
      'p',
      { ...current, entries: [...current.entries, entry('b', 12)] },
      entry('a', 10),
      'a',
      now,
    );
    assert.deepEqual(
      moved.entries.map((e) => [e.observationId, e.startsAt.slice(11, 13)]),
      [
        ['a', '10'],
        ['b', '12'],
      ],
    );
    assert.deepEqual(
      withEntry('p', moved, undefined, 'a', now).entries.map((e) => e.observationId),
      ['b'],
    );
    assert.equal(moved.id, 'calendar:p');
  });

  it('trusts an entry only while its observation is scheduled at that time', () => {
    const e = entry('a', 8);
    const o = { status: 'scheduled', startsAt: e.startsAt, endsAt: e.endsAt } as Observation;
    assert.equal(describes(e, o), true);
    assert.equal(describes(e, { ...o, status: 'cancelled' }), false);
    assert.equal(describes(e, { ...o, endsAt: entry('a', 9).endsAt }), false);
    assert.equal(describes(e, undefined), false);
  });
});
