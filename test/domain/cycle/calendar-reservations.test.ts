import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CalendarEntry } from '../../../src/domain/cycle/calendar';
import { CalendarReservations, maxUpcomingPerPair } from '../../../src/domain/cycle/calendar-reservations';
import { Observation } from '../../../src/domain/cycle/observation';
import { Person } from '../../../src/domain/people';
import { openProgrammeWorld, ProgrammeWorld, supervisor } from '../../support/domain-fixtures';
import { calendarOf } from './cycle-fixture';
import { eachTest } from '../../support/each-test';

describe('CalendarReservations: an observation’s time in each member’s calendar', () => {
  let world: ProgrammeWorld;
  let calendars: CalendarReservations;
  let ann: Person, bo: Person, cy: Person;

  /** an hour on Thursday 3 September 2026 from `hour` UTC, for a new observation of `pairId` */
  const hour = (
    h: number,
    pairId = 'pair:ab',
    observationId = `observation:${randomUUID()}`,
  ): CalendarEntry => ({
    observationId,
    pairId,
    startsAt: new Date(Date.UTC(2026, 8, 3, h)).toISOString(),
    endsAt: new Date(Date.UTC(2026, 8, 3, h + 1)).toISOString(),
    at: world.clock.now().toISOString(),
    hold: randomUUID(),
  });
  const times = async (p: Person) => (await calendarOf(world, p)).map((e) => e.startsAt.slice(11, 16));

  eachTest(openProgrammeWorld, async (opened) => {
    world = opened;
    calendars = new CalendarReservations(world.store.repos, world.clock);
    [ann, bo, cy] = (await world.enrol(
      supervisor(1, 'Ann Ahl'),
      supervisor(2, 'Bo Berg'),
      supervisor(3, 'Cy Carl'),
    )) as [Person, Person, Person];
  });

  it('takes the time in every member’s calendar, and refuses an overlap without keeping any of it', async () => {
    const held = await calendars.reserve([bo.id, cy.id], hour(8, 'pair:bc'));
    assert.ok(Array.isArray(held) && held.length === 2);
    // Ann is free but Cy is not: Ann's calendar is written first, and put back
    const overlapping = { ...hour(7), endsAt: '2026-09-03T08:30:00.000Z' };
    assert.equal(await calendars.reserve([cy.id, ann.id], overlapping), 'clash');
    assert.deepEqual(await times(ann), []);
    assert.deepEqual(await times(cy), ['08:00']);
    assert.ok(
      Array.isArray(await calendars.reserve([cy.id, ann.id], hour(9, 'pair:ac'))),
      'back to back is fine',
    );
  });

  it('lets a move keep its place and its own time, and puts the old time back when it is undone', async () => {
    const first = hour(8);
    await calendars.reserve([ann.id, bo.id], first);
    const move = {
      ...hour(8, first.pairId, first.observationId),
      startsAt: '2026-09-03T08:30:00.000Z',
      endsAt: '2026-09-03T09:30:00.000Z',
    };
    const held = await calendars.reserve([ann.id, bo.id], move);
    assert.ok(Array.isArray(held));
    assert.deepEqual(await times(ann), ['08:30']);
    await calendars.release(held, move);
    assert.deepEqual(await times(bo), ['08:00']);
  });

  it(`keeps a pair to ${maxUpcomingPerPair} observations ahead`, async () => {
    const planned = Array.from({ length: maxUpcomingPerPair }, (_, h) => hour(h));
    for (const slot of planned) await calendars.reserve([ann.id, bo.id], slot);
    assert.equal(await calendars.reserve([ann.id, bo.id], hour(20)), 'full');
    const last = planned.at(-1)!;
    assert.ok(
      Array.isArray(await calendars.reserve([ann.id, bo.id], hour(21, last.pairId, last.observationId))),
      'a move keeps its place',
    );
    assert.ok(
      Array.isArray(await calendars.reserve([ann.id, cy.id], hour(20, 'pair:ac'))),
      'another pair of Ann’s',
    );
  });

  it('takes an observation that will not happen out of its members’ calendars', async () => {
    const slot = hour(8);
    await calendars.reserve([ann.id, bo.id], slot);
    await calendars.unlist({ id: slot.observationId, memberIds: [ann.id, bo.id] } as Pick<
      Observation,
      'id' | 'memberIds'
    > as Observation);
    assert.deepEqual([await times(ann), await times(bo)], [[], []]);
  });
});
