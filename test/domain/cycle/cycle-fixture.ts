import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import { Calendar, calendarId, CalendarEntry } from '../../../src/domain/cycle/calendar';
import { createCycleServices, CycleServices } from '../../../src/domain/cycle/cycle-services';
import { ScheduleInput } from '../../../src/domain/cycle/observation';
import { DueWork } from '../../../src/domain/cycle/ports';
import { Pair } from '../../../src/domain/membership';
import { Person } from '../../../src/domain/people';
import { PeopleService } from '../../../src/domain/people-service';
import { Collection } from '../../../src/domain/ports';
import { Repositories } from '../../../src/domain/repositories';
import { supportedLanguages } from '../../../src/i18n';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { quietMail } from '../../support/quiet-cycle-mail';

/** the cycle's services over the world's store (or `repos`), with due work stubbed in `sandbox` */
export function cycleServices(
  world: ProgrammeWorld,
  sandbox: sinon.SinonSandbox,
  repos: Repositories = world.store.repos,
): CycleServices {
  const work: DueWork = { put: sandbox.stub().resolves(), cancel: sandbox.stub().resolves() };
  const people = new PeopleService(repos, world.clock, [], supportedLanguages);
  return createCycleServices(repos, world.clock, people, work, quietMail, {
    retentionDays: 365,
    defaultTimeZone: 'Europe/Stockholm',
  });
}

/** the schedule card as saved: Thursday 3 September 2026 in the programme's zone (Stockholm) */
export function slot(host: Person, startTime: string, overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    date: '2026-09-03',
    startTime,
    durationMinutes: '60',
    hostId: host.id,
    setting: 'wardRound',
    learnerLevel: 'intern',
    ...overrides,
  };
}

/**
 * The repositories with the first `parties` calendar reads held until all of them have read: every
 * scheduling sees the calendars as they were before any of them wrote (the worst interleaving).
 */
export function readingTogether(repos: Repositories, parties: number): Repositories {
  const calendars = repos.cycles.calendars;
  const waiting: (() => void)[] = [];
  const held: Collection<Calendar> = {
    async read(id, partition) {
      const found = await calendars.read(id, partition);
      if (waiting.length < parties) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === parties) waiting.forEach((release) => release());
        });
      }
      return found;
    },
    create: (doc) => calendars.create(doc),
    replace: (doc, etag) => calendars.replace(doc, etag),
    remove: (id, partition) => calendars.remove(id, partition),
  };
  return { ...repos, cycles: { ...repos.cycles, calendars: held } };
}

/** a pair formed by hand in a programme of the world */
export async function pairOf(
  world: ProgrammeWorld,
  programmeId: string,
  ...members: Person[]
): Promise<Pair> {
  const pair: Pair = {
    type: 'pair',
    id: `pair:${randomUUID()}`,
    programmeId,
    memberIds: members.map((m) => m.id),
    memberNames: Object.fromEntries(members.map((m) => [m.id, m.displayName])),
    formedBy: 'coordinator',
    formedAt: world.clock.now().toISOString(),
  };
  await world.store.repos.programmes.pairs.create(pair);
  return pair;
}

/** the entries of a person's calendar as stored */
export async function calendarOf(world: ProgrammeWorld, p: Person): Promise<readonly CalendarEntry[]> {
  const id = calendarId(p.id);
  return (await world.store.repos.cycles.calendars.read(id, id))?.doc.entries ?? [];
}
