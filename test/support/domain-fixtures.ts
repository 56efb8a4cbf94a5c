import sinon from 'sinon';
import { InvitationService } from '../../src/domain/invitation-service';
import { Enrolment, enrolmentId, Pair } from '../../src/domain/membership';
import { Notice, NoticeBoard } from '../../src/domain/notices';
import { PairService } from '../../src/domain/pair-service';
import { Candidate } from '../../src/domain/pairing';
import { Person, Sighting } from '../../src/domain/people';
import { ConversationReach, Directory, RosterMember } from '../../src/domain/ports';
import { Programme, ProgrammeInput } from '../../src/domain/programme';
import { ProgrammeService } from '../../src/domain/programme-service';
import { supportedLanguages } from '../../src/i18n';
import { TestClock } from './test-clock';
import { openTestStore, TestStore } from './test-store';

/** a repeatable stream of numbers in [0, 1) (mulberry32), so every "random" pairing can be replayed */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** an Entra object id shaped like the real thing, lower case, distinct for every n */
export function entraId(n: number): string {
  return `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${'0'.repeat(12)}`;
}

/** someone waiting for a partner */
export function candidate(personId: string, department?: string): Candidate {
  return department === undefined ? { personId } : { personId, department };
}

/** n candidates named p1 … pn, with departments chosen by `departmentOf` */
export function candidates(
  n: number,
  departmentOf: (i: number) => string | undefined = () => undefined,
): Candidate[] {
  return Array.from({ length: n }, (_, i) => candidate(`p${i + 1}`, departmentOf(i)));
}

/** who has met whom, written the way PairService derives it (each side knows the other) */
export function history(...pairs: (readonly string[])[]): Map<string, Set<string>> {
  const met = new Map<string, Set<string>>();
  for (const group of pairs) {
    for (const a of group) {
      const set = met.get(a) ?? new Set<string>();
      for (const b of group) if (b !== a) set.add(b);
      met.set(a, set);
    }
  }
  return met;
}

/** what a coordinator types into the programme card for a valid autumn-term programme */
export function programmeInput(overrides: Partial<ProgrammeInput> = {}): Required<ProgrammeInput> {
  return {
    name: 'Autumn peer coaching',
    startDate: '2026-09-01',
    endDate: '2027-01-31',
    timeZone: 'Europe/Stockholm',
    locale: 'en',
    targetObservations: '2',
    evaluationDays: '14',
    beforeDays: '1',
    beforeTime: '16:00',
    afterMinutes: '60',
    reminderDays: '1',
    deadlineDays: '7',
    quietStart: '20:00',
    quietEnd: '07:00',
    workingDays: '1,2,3,4,5',
    ...overrides,
  };
}

/** a person's 1:1 chat with the bot */
export function personalReach(overrides: Partial<ConversationReach> = {}): ConversationReach {
  return {
    conversationId: 'a:personal-avery',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: '00000000-0000-4000-8000-0000000000aa',
    botId: '28:peer-coach-bot',
    ...overrides,
  };
}

/** what a message in the person's 1:1 chat tells us about them */
export function sighting(overrides: Partial<Sighting> = {}): Sighting {
  return {
    personId: entraId(1),
    displayName: 'Avery Lind',
    locale: 'en-GB',
    timeZone: 'Europe/Stockholm',
    personalReach: personalReach(),
    ...overrides,
  };
}

/** a supervisor as a roster or an enrol card names them */
export interface Supervisor {
  readonly personId: string;
  readonly displayName: string;
}

export function supervisor(n: number, displayName: string): Supervisor {
  return { personId: entraId(n), displayName };
}

export type FakeNoticeBoard = NoticeBoard & {
  readonly post: sinon.SinonStub<[readonly Notice[]], Promise<{ unreachable: string[] }>>;
};

/** a notice board that reaches everyone and remembers what it was asked to post */
export function fakeNoticeBoard(sandbox: sinon.SinonSandbox): FakeNoticeBoard {
  const post = sandbox
    .stub<[readonly Notice[]], Promise<{ unreachable: string[] }>>()
    .resolves({ unreachable: [] });
  return { post };
}

/** every notice posted so far, in order, across all calls */
export function postedNotices(board: FakeNoticeBoard): Notice[] {
  return board.post.getCalls().flatMap((call) => [...call.args[0]]);
}

export function fakeDirectory(sandbox: sinon.SinonSandbox, roster: RosterMember[] = []): Directory {
  return {
    teamMembers: sandbox
      .stub<[ConversationReach], Promise<RosterMember[] | 'unreachable'>>()
      .resolves(roster),
  };
}

/** one programme on the real store, with the services that pair people in it */
export interface ProgrammeWorld {
  readonly clock: TestClock;
  readonly store: TestStore;
  readonly notices: FakeNoticeBoard;
  readonly programmes: ProgrammeService;
  readonly pairs: PairService;
  readonly invitations: InvitationService;
  readonly programme: Programme;
  /** enrols supervisors as a coordinator would and returns their stored person documents */
  enrol(...supervisors: Supervisor[]): Promise<Person[]>;
  enrolment(personId: string): Promise<Enrolment | undefined>;
  storedPairs(): Promise<Pair[]>;
  close(): Promise<void>;
}

export const coordinatorId = entraId(0xc0);

export async function openProgrammeWorld(sandbox: sinon.SinonSandbox): Promise<ProgrammeWorld> {
  const clock = new TestClock();
  const store = await openTestStore(clock);
  const notices = fakeNoticeBoard(sandbox);
  const programmes = new ProgrammeService(
    store.repos,
    clock,
    notices,
    fakeDirectory(sandbox),
    supportedLanguages,
  );
  const pairs = new PairService(store.repos, clock, notices, seededRandom(1));
  const invitations = new InvitationService(store.repos, clock, notices, pairs);
  const created = await programmes.create(coordinatorId, programmeInput());
  if (created.status !== 'saved') throw new Error(`could not create the test programme: ${created.status}`);
  const programme = created.programme;
  return {
    clock,
    store,
    notices,
    programmes,
    pairs,
    invitations,
    programme,
    async enrol(...supervisors) {
      await programmes.enrol(programme, coordinatorId, supervisors);
      // set-up notices are not what the tests are about
      notices.post.resetHistory();
      return Promise.all(
        supervisors.map(async (s) => (await store.repos.people.read(s.personId, s.personId))!.doc),
      );
    },
    async enrolment(personId) {
      return (await store.repos.programmes.enrolments.read(enrolmentId(personId), programme.id))?.doc;
    },
    storedPairs: () => store.repos.programmes.pairsOf(programme.id),
    close: () => store.close(),
  };
}
