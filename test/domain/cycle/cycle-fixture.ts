import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import { Calendar, calendarId, CalendarEntry } from '../../../src/domain/cycle/calendar';
import { createCycleServices, CycleServices } from '../../../src/domain/cycle/cycle-services';
import { jobKinds } from '../../../src/domain/cycle/cycle-jobs';
import { Observation, ScheduleInput } from '../../../src/domain/cycle/observation';
import { CycleMail, DueWork } from '../../../src/domain/cycle/ports';
import { promptId } from '../../../src/domain/cycle/prompt';
import { PromptKind, questionsFor } from '../../../src/domain/cycle/questions';
import { enrolmentId, Pair } from '../../../src/domain/membership';
import { mutate } from '../../../src/domain/mutate';
import { Person } from '../../../src/domain/people';
import { PeopleService } from '../../../src/domain/people-service';
import { Collection, SendOutcome } from '../../../src/domain/ports';
import { Repositories } from '../../../src/domain/repositories';
import { supportedLanguages } from '../../../src/i18n';
import {
  openProgrammeWorld,
  personalReach,
  ProgrammeWorld,
  sighting,
  supervisor,
} from '../../support/domain-fixtures';

/** every method of the cycle's mail as a stub that remembers its calls */
export type FakeCycleMail = {
  readonly [K in keyof CycleMail]: sinon.SinonStub<Parameters<CycleMail[K]>, Promise<SendOutcome>>;
};

/** the cycle's mail with every send succeeding, each under a fresh activity id */
export function fakeCycleMail(sandbox: sinon.SinonSandbox): FakeCycleMail {
  let n = 0;
  const sent = <K extends keyof CycleMail>() =>
    sandbox
      .stub<Parameters<CycleMail[K]>, Promise<SendOutcome>>()
      .callsFake(async () => ({ status: 'sent', activityId: `activity-${++n}` }));
  return {
    sendPrompt: sent<'sendPrompt'>(),
    updatePrompt: sent<'updatePrompt'>(),
    sendSummary: sent<'sendSummary'>(),
    notify: sent<'notify'>(),
    replacePosted: sent<'replacePosted'>(),
    erasureDone: sent<'erasureDone'>(),
  };
}

export interface FakeDueWork extends DueWork {
  readonly put: sinon.SinonStub<Parameters<DueWork['put']>, Promise<unknown>>;
  readonly cancel: sinon.SinonStub<[string], Promise<unknown>>;
}

/** the cycle's services with the fakes they were given at hand */
export interface CycleRig {
  readonly services: CycleServices;
  readonly mail: FakeCycleMail;
  readonly work: FakeDueWork;
  readonly people: PeopleService;
}

/** the cycle's services over the world's store (or `repos`), with mail and due work faked in `sandbox` */
export function cycleRig(
  world: ProgrammeWorld,
  sandbox: sinon.SinonSandbox,
  repos: Repositories = world.store.repos,
): CycleRig {
  const work: FakeDueWork = {
    put: sandbox.stub<Parameters<DueWork['put']>, Promise<unknown>>().resolves(),
    cancel: sandbox.stub<[string], Promise<unknown>>().resolves(),
  };
  const mail = fakeCycleMail(sandbox);
  const people = new PeopleService(repos, world.clock, [], supportedLanguages);
  const services = createCycleServices(repos, world.clock, people, work, mail, {
    retentionDays: 365,
    defaultTimeZone: 'Europe/Stockholm',
  });
  return { services, mail, work, people };
}

/** the cycle's services over the world's store (or `repos`), with due work stubbed in `sandbox` */
export function cycleServices(
  world: ProgrammeWorld,
  sandbox: sinon.SinonSandbox,
  repos: Repositories = world.store.repos,
): CycleServices {
  return cycleRig(world, sandbox, repos).services;
}

/** the people as they are once the app is installed for them: the bot can write to them */
export async function installed(rig: CycleRig, ...people: Person[]): Promise<Person[]> {
  return Promise.all(
    people.map((p) =>
      rig.people.recognise(
        sighting({
          personId: p.id,
          displayName: p.displayName,
          personalReach: personalReach({ conversationId: `a:${p.id}` }),
        }),
      ),
    ),
  );
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

/** a pair formed by hand in a programme of the world (recorded on the members' enrolments there) */
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
  for (const m of members)
    await mutate(
      world.store.repos.programmes.enrolments,
      enrolmentId(m.id),
      programmeId,
      (e) => e && { ...e, pairId: pair.id },
    );
  return pair;
}

/** the entries of a person's calendar as stored */
export async function calendarOf(world: ProgrammeWorld, p: Person): Promise<readonly CalendarEntry[]> {
  const id = calendarId(p.id);
  return (await world.store.repos.cycles.calendars.read(id, id))?.doc.entries ?? [];
}

/** a filled-in card of this kind: every question answered, as a careful writer would */
export function answersFor(kind: PromptKind): Record<string, string> {
  return Object.fromEntries(
    questionsFor(kind).map((q) => [
      q.id,
      q.input === 'rating' ? '4' : q.input === 'choice' ? 'yes' : `About ${q.id}: calm and clear`,
    ]),
  );
}

/** the prompt of this kind for a member of an observation, as stored */
export async function storedPrompt(world: ProgrammeWorld, o: Observation, kind: PromptKind, p: Person) {
  return (await world.store.repos.cycles.prompts.read(promptId(o.id, kind, p.id), o.pairId))?.doc;
}

/** runs the send job of a member's prompt, as the scheduler does when it falls due */
export function sendPrompt(rig: CycleRig, o: Observation, kind: PromptKind, p: Person) {
  return rig.services.handlers()[jobKinds.send]!({ pairId: o.pairId, promptId: promptId(o.id, kind, p.id) });
}

/** the member's prompt sent, then answered with `answersFor(kind)` */
export async function sendAndAnswer(rig: CycleRig, o: Observation, kind: PromptKind, p: Person) {
  await sendPrompt(rig, o, kind, p);
  return rig.services.answers.answer(p, o.pairId, promptId(o.id, kind, p.id), answersFor(kind));
}

/** a world in which Ann hosts Bo on Thursday: what most of the cycle's tests start from */
export interface ThursdayCycle {
  readonly world: ProgrammeWorld;
  readonly rig: CycleRig;
  readonly ann: Person;
  readonly bo: Person;
  /** enrolled in the programme too, in no pair, without the app */
  readonly cy: Person;
  readonly pair: Pair;
  readonly observation: Observation;
  /** closes the world's store */
  close(): Promise<void>;
}

/**
 * Ann and Bo, both with the app installed, paired in the world's programme; Ann hosts an observation
 * on Thursday 3 September 2026, 10:00–11:00 Stockholm (08:00–09:00 UTC), scheduled on Tuesday.
 * What the scheduling itself sent and planned is forgotten.
 */
export async function openThursdayCycle(sandbox: sinon.SinonSandbox): Promise<ThursdayCycle> {
  const world = await openProgrammeWorld(sandbox);
  const rig = cycleRig(world, sandbox);
  const [a, b, cy] = (await world.enrol(
    supervisor(1, 'Ann Ahl'),
    supervisor(2, 'Bo Berg'),
    supervisor(3, 'Cy Carl'),
  )) as [Person, Person, Person];
  const [ann, bo] = (await installed(rig, a, b)) as [Person, Person];
  const pair = await pairOf(world, world.programme.id, ann, bo);
  const outcome = await rig.services.scheduling.schedule(ann, pair.id, pair.programmeId, slot(ann, '10:00'));
  if (!('observation' in outcome)) throw new Error(`could not schedule: ${outcome.status}`);
  rig.work.put.resetHistory();
  rig.mail.notify.resetHistory();
  return { world, rig, ann, bo, cy, pair, observation: outcome.observation, close: () => world.close() };
}
