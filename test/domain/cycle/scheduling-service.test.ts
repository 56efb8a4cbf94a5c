import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { calendarId } from '../../../src/domain/cycle/calendar';
import { Person } from '../../../src/domain/people';
import { Repositories } from '../../../src/domain/repositories';
import {
  coordinatorId,
  openProgrammeWorld,
  programmeInput,
  ProgrammeWorld,
  supervisor,
} from '../../support/domain-fixtures';
import {
  calendarOf as calendarEntries,
  cycleServices,
  pairOf as formPair,
  readingTogether,
  slot,
} from './cycle-fixture';
import { eachTest } from '../../support/each-test';

describe('SchedulingService: scheduling against each member’s calendar', () => {
  let world: ProgrammeWorld;
  let ann: Person, bo: Person, cy: Person, di: Person;
  let spring: string;

  const service = (repos?: Repositories) => cycleServices(world, sandbox, repos).scheduling;
  const pairOf = (programmeId: string, ...members: Person[]) => formPair(world, programmeId, ...members);
  const calendarOf = (p: Person) => calendarEntries(world, p);

  const sandbox = eachTest(openProgrammeWorld, async (opened) => {
    world = opened;
    [ann, bo, cy, di] = (await world.enrol(
      supervisor(1, 'Ann Ahl'),
      supervisor(2, 'Bo Berg'),
      supervisor(3, 'Cy Carl'),
      supervisor(4, 'Di Dahl'),
    )) as [Person, Person, Person, Person];
    const created = await world.programmes.create(coordinatorId, programmeInput({ name: 'Second term' }));
    if (created.status !== 'saved') throw new Error(created.status);
    spring = created.programme.id;
  });

  it('gives every document a ttl Cosmos DB accepts, even for a programme that ends in the year 9999', async () => {
    // stored as it was before programme dates were held to a window
    const id = randomUUID();
    await world.store.repos.programmes.programmes.create({
      ...world.programme,
      id,
      programmeId: id,
      endDate: '9999-12-31',
    });
    const pair = await pairOf(id, ann, bo);
    const outcome = await service().schedule(ann, pair.id, id, slot(ann, '10:00'));
    assert.equal(outcome.status, 'scheduled');
    const { resources } = await world.store.store.containers.cycles.items.readAll().fetchAll();
    assert.ok(resources.length >= 5, 'the observation and its prompts');
    for (const doc of resources)
      assert.equal(doc.ttl, 2_147_483_647, `${String(doc.type)} ${String(doc.id)}: ${String(doc.ttl)}`);
  });

  it('refuses a time that overlaps an observation of a trio member in their other programme', async () => {
    const trio = await pairOf(world.programme.id, ann, bo, cy);
    const other = await pairOf(spring, cy, di);
    const cycles = service();
    const first = await cycles.schedule(ann, trio.id, trio.programmeId, slot(ann, '10:00'));
    assert.equal(first.status, 'scheduled');

    const clash = await cycles.schedule(di, other.id, other.programmeId, slot(di, '10:30'));
    assert.deepEqual(clash, { status: 'invalid', errors: { startTime: 'schedule.error.overlap' } });
    assert.equal(
      (await cycles.schedule(di, other.id, other.programmeId, slot(di, '11:00'))).status,
      'scheduled',
    );
    assert.deepEqual(
      (await calendarOf(cy)).map((e) => e.startsAt),
      ['2026-09-03T08:00:00.000Z', '2026-09-03T09:00:00.000Z'],
    );
    assert.equal((await calendarOf(di)).length, 1, 'nothing of the trio in Di’s calendar');
  });

  it('lets an observation move onto its own time, and frees the old time for others', async () => {
    const pair = await pairOf(world.programme.id, ann, bo);
    const other = await pairOf(spring, bo, cy);
    const cycles = service();
    const first = await cycles.schedule(ann, pair.id, pair.programmeId, slot(ann, '10:00'));
    assert.equal(first.status, 'scheduled');
    const id = 'observation' in first ? first.observation.id : '';
    const moved = await cycles.schedule(bo, pair.id, pair.programmeId, slot(ann, '10:30'), id);
    assert.equal(moved.status, 'rescheduled');
    assert.equal(
      (await cycles.schedule(cy, other.id, other.programmeId, slot(cy, '09:30'))).status,
      'scheduled',
    );
    assert.deepEqual(
      (await calendarOf(bo)).map((e) => [e.startsAt, e.endsAt]),
      [
        ['2026-09-03T07:30:00.000Z', '2026-09-03T08:30:00.000Z'],
        ['2026-09-03T08:30:00.000Z', '2026-09-03T09:30:00.000Z'],
      ],
    );
    assert.equal((await cycles.end(ann, pair.id, id, 'cancelled')).status, 'cancelled');
    assert.deepEqual((await calendarOf(ann)).length, 0);
    assert.deepEqual((await calendarOf(bo)).length, 1);
  });

  it('gives an overlapping time to one of two schedulings racing for the same person, never to both', async () => {
    const first = await pairOf(world.programme.id, ann, bo);
    const second = await pairOf(spring, ann, cy);
    const cycles = service(readingTogether(world.store.repos, 2));
    const outcomes = await Promise.all([
      cycles.schedule(bo, first.id, first.programmeId, slot(bo, '10:00')),
      cycles.schedule(cy, second.id, second.programmeId, slot(cy, '10:30')),
    ]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['invalid', 'scheduled']);
    const entries = await calendarOf(ann);
    assert.equal(entries.length, 1);
    const won = outcomes.find((o) => o.status === 'scheduled');
    assert.equal(entries[0]!.observationId, won && 'observation' in won ? won.observation.id : '');
    // the loser's partner keeps nothing of the refused time
    const lostBy = outcomes[0]!.status === 'scheduled' ? cy : bo;
    assert.deepEqual(await calendarOf(lostBy), []);
  });

  it('keeps calendars and observation in step when two members move it at once', async () => {
    const pair = await pairOf(world.programme.id, ann, bo);
    const first = await service().schedule(ann, pair.id, pair.programmeId, slot(ann, '10:00'));
    const id = 'observation' in first ? first.observation.id : '';
    const cycles = service(readingTogether(world.store.repos, 2));
    const outcomes = await Promise.all([
      cycles.schedule(ann, pair.id, pair.programmeId, slot(ann, '13:00'), id),
      cycles.schedule(bo, pair.id, pair.programmeId, slot(ann, '15:00'), id),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['rescheduled', 'rescheduled'],
    );
    const stored = (await world.store.repos.cycles.observations.read(id, pair.id))!.doc;
    assert.equal(stored.revision, 3);
    for (const p of [ann, bo]) {
      assert.deepEqual(
        (await calendarOf(p)).map((e) => [e.observationId, e.startsAt, e.endsAt]),
        [[id, stored.startsAt, stored.endsAt]],
      );
    }
  });

  it('believes a calendar entry without its observation for two minutes, then lets the time go', async () => {
    const pair = await pairOf(world.programme.id, ann, bo);
    const id = calendarId(ann.id);
    // a scheduling that stopped after taking the time and before writing the observation
    await world.store.repos.cycles.calendars.create({
      type: 'calendar',
      id,
      personId: ann.id,
      entries: [
        {
          observationId: `observation:${randomUUID()}`,
          pairId: pair.id,
          startsAt: '2026-09-03T08:00:00.000Z',
          endsAt: '2026-09-03T09:00:00.000Z',
          at: world.clock.now().toISOString(),
          hold: randomUUID(),
        },
      ],
      updatedAt: world.clock.now().toISOString(),
    });
    const cycles = service();
    assert.equal((await cycles.schedule(bo, pair.id, pair.programmeId, slot(bo, '10:00'))).status, 'invalid');
    world.clock.advance(2 * 60_000);
    const outcome = await cycles.schedule(bo, pair.id, pair.programmeId, slot(bo, '10:00'));
    assert.equal(outcome.status, 'scheduled');
    assert.deepEqual(
      (await calendarOf(ann)).map((e) => e.observationId),
      ['observation' in outcome ? outcome.observation.id : ''],
    );
  });

  it('lists what is upcoming from the calendar, soonest first, without what has ended', async () => {
    const pair = await pairOf(world.programme.id, ann, bo);
    const other = await pairOf(spring, ann, cy);
    const cycles = service();
    await cycles.schedule(ann, other.id, other.programmeId, slot(ann, '14:00'));
    await cycles.schedule(ann, pair.id, pair.programmeId, slot(ann, '08:00'));
    await cycles.schedule(ann, pair.id, pair.programmeId, slot(ann, '10:00', { date: '2026-09-02' }));
    world.clock.set('2026-09-02T09:00:00Z');
    const listed = await cycles.upcoming(ann);
    assert.deepEqual(
      listed.map((l) => [l.observation.startsAt, l.names[ann.id]]),
      [
        ['2026-09-03T06:00:00.000Z', 'Ann Ahl'],
        ['2026-09-03T12:00:00.000Z', 'Ann Ahl'],
      ],
    );
  });
});
