import { defaultPolicy, Programme } from '../../src/domain/programme';
import {
  MemberFact,
  ObservationFact,
  PairFact,
  ProgrammeFacts,
  PromptFact,
} from '../../src/domain/report/facts';

/**
 * A programme of exactly 100 days (1 Nov 2026 – 8 Feb 2027, Stockholm, no clock change inside), so
 * pro-rata targets land on round dates: half of it has passed at 2026-12-21T00:00+01:00.
 */
export function reportProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    type: 'programme',
    id: 'programme-1',
    programmeId: 'programme-1',
    name: 'Winter peer coaching',
    startDate: '2026-11-01',
    endDate: '2027-02-08',
    timeZone: 'Europe/Stockholm',
    locale: 'en',
    targetObservations: 2,
    policy: defaultPolicy,
    createdBy: 'coordinator',
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    ...overrides,
  };
}

/** the moment the report is made: a Wednesday, week 2026-W47, well inside `reportProgramme` */
export const reportedAt = new Date('2026-11-18T12:00:00Z');
/** a time a week before `reportedAt`, and one a week after it */
export const past = '2026-11-10T09:00:00Z';
export const future = '2026-11-25T09:00:00Z';

export function nameOf(personId: string): string {
  return `Name ${personId}`;
}

/** an enrolled supervisor the bot can reach, not paused, not paired */
export function member(personId: string, overrides: Partial<MemberFact> = {}): MemberFact {
  return { personId, displayName: nameOf(personId), reachable: true, paused: false, ...overrides };
}

/** members p1 … pn */
export function members(n: number, overrides: Partial<MemberFact> = {}): MemberFact[] {
  return Array.from({ length: n }, (_, i) => member(`p${i + 1}`, overrides));
}

export function pair(pairId: string, memberIds: readonly string[]): PairFact {
  return {
    pairId,
    memberIds,
    memberNames: Object.fromEntries(memberIds.map((id) => [id, nameOf(id)])),
  };
}

/** members p1 … pn in pairs of two, in order: pair-1 = p1 + p2, pair-2 = p3 + p4, … */
export function pairedCohort(n: number): { members: MemberFact[]; pairs: PairFact[] } {
  const cohort = members(n).map((m, i) => ({ ...m, pairId: `pair-${Math.floor(i / 2) + 1}` }));
  const pairs = [...new Set(cohort.map((m) => m.pairId))].map((pairId) =>
    pair(
      pairId,
      cohort.filter((m) => m.pairId === pairId).map((m) => m.personId),
    ),
  );
  return { members: cohort, pairs };
}

let sequence = 0;

/** a one-hour ward round with a late student, starting at `startsAt`, hosted by p1 and observed by p2 in pair-1 */
export function observation(startsAt: string, overrides: Partial<ObservationFact> = {}): ObservationFact {
  sequence += 1;
  return {
    id: `observation:${sequence}`,
    pairId: 'pair-1',
    status: 'scheduled',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    hostId: 'p1',
    memberIds: ['p1', 'p2'],
    setting: 'wardRound',
    learnerLevel: 'studentLate',
    ...overrides,
  };
}

/** an observation of `pair` (first member hosting) */
export function observationOf(
  p: PairFact,
  startsAt: string,
  overrides: Partial<ObservationFact> = {},
): ObservationFact {
  return observation(startsAt, {
    pairId: p.pairId,
    hostId: p.memberIds[0]!,
    memberIds: p.memberIds,
    ...overrides,
  });
}

/** p1's after-prompt in pair-1, sent and not yet answered */
export function prompt(overrides: Partial<PromptFact> = {}): PromptFact {
  sequence += 1;
  return {
    id: `prompt:${sequence}`,
    pairId: 'pair-1',
    observationId: 'observation:0',
    kind: 'afterHost',
    personId: 'p1',
    status: 'sent',
    sentAt: '2026-11-10T10:00:00.000Z',
    ...overrides,
  };
}

/** a prompt `personId` answered `hours` after it was sent */
export function answered(personId: string, hours: number, overrides: Partial<PromptFact> = {}): PromptFact {
  const sentAt = '2026-11-10T10:00:00.000Z';
  return prompt({
    personId,
    status: 'answered',
    sentAt,
    answeredAt: new Date(Date.parse(sentAt) + hours * 3_600_000).toISOString(),
    ...overrides,
  });
}

/** a host's answered after-prompt carrying a safety rating */
export function rating(personId: string, safetyRating: number): PromptFact {
  return answered(personId, 2, { kind: 'afterHost', safetyRating });
}

export function facts(overrides: Partial<ProgrammeFacts> = {}): ProgrammeFacts {
  return {
    programme: reportProgramme(),
    members: [],
    pairs: [],
    observations: [],
    prompts: [],
    ...overrides,
  };
}
