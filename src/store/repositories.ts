import { Calendar } from '../domain/cycle/calendar';
import { Observation } from '../domain/cycle/observation';
import { Prompt } from '../domain/cycle/prompt';
import { Summary } from '../domain/cycle/summary';
import { Enrolment, Invitation, Pair } from '../domain/membership';
import { Nudge, NudgeDelivery } from '../domain/nudge/nudge';
import { AuditEntry } from '../domain/report/audit';
import { ObservationFact, PromptFact } from '../domain/report/facts';
import { Person } from '../domain/people';
import { Programme } from '../domain/programme';
import {
  CycleRepository,
  PeopleRepository,
  ProgrammeRepository,
  Repositories,
  TeamRepository,
} from '../domain/repositories';
import { Team } from '../domain/team';
import { CosmosCollection } from './cosmos-collection';
import { CosmosStore } from './cosmos-store';

class CosmosPeople extends CosmosCollection<Person> implements PeopleRepository {
  coordinators(): Promise<Person[]> {
    return this.query('c.coordinator = true');
  }
  reachable(limit: number): Promise<Person[]> {
    return this.query('IS_DEFINED(c.reach)', [], undefined, 'c.displayName').then((p) => p.slice(0, limit));
  }
}

class CosmosTeams extends CosmosCollection<Team> implements TeamRepository {
  all(): Promise<Team[]> {
    return this.query('');
  }
}

/** the fields reports may read: never `answers` */
const observationFactFields = [
  'id',
  'pairId',
  'status',
  'startsAt',
  'endsAt',
  'hostId',
  'memberIds',
] as const;
const promptFactFields = [
  'id',
  'pairId',
  'observationId',
  'kind',
  'personId',
  'status',
  'sentAt',
  'answeredAt',
  'remindedAt',
  'safetyRating',
] as const;

/** the domain's repositories over the store's containers */
export function cosmosRepositories(store: CosmosStore): Repositories {
  const { people, teams, programmes } = store.containers;
  const byProgramme = { programmeId: (d: { programmeId: string }) => d.programmeId };
  const programmeDocs = new CosmosCollection<Programme>(programmes, 'programme', byProgramme.programmeId);
  const enrolments = new CosmosCollection<Enrolment>(programmes, 'enrolment', byProgramme.programmeId);
  const pairs = new CosmosCollection<Pair>(programmes, 'pair', byProgramme.programmeId);
  const audit = new CosmosCollection<AuditEntry>(programmes, 'audit', byProgramme.programmeId);
  const nudges = new CosmosCollection<Nudge>(programmes, 'nudge', byProgramme.programmeId);
  const programmeRepo: ProgrammeRepository = {
    programmes: programmeDocs,
    enrolments,
    pairs,
    invitations: new CosmosCollection<Invitation>(programmes, 'invitation', byProgramme.programmeId),
    allProgrammes: () => programmeDocs.query('', [], undefined, 'c.startDate DESC'),
    enrolmentsOf: (programmeId) => enrolments.query('', [], programmeId, 'c.displayName'),
    pairsOf: (programmeId) => pairs.query('', [], programmeId),
    audit,
    nudges,
    deliveries: new CosmosCollection<NudgeDelivery>(programmes, 'nudge-delivery', byProgramme.programmeId),
    nudgesOf: (programmeId) => nudges.query('', [], programmeId, 'c.createdAt DESC'),
    auditOf: async (programmeId, limit) =>
      (await audit.query('', [], programmeId, 'c.at DESC')).slice(0, limit),
  };
  const byPair = (d: { pairId: string }) => d.pairId;
  const observations = new CosmosCollection<Observation>(store.containers.cycles, 'observation', byPair);
  const prompts = new CosmosCollection<Prompt>(store.containers.cycles, 'prompt', byPair);
  const summaries = new CosmosCollection<Summary>(store.containers.cycles, 'summary', byPair);
  const cycles: CycleRepository = {
    observations,
    prompts,
    summaries,
    // beside the person document in `people`, each in its own partition (its id): a point read away
    calendars: new CosmosCollection<Calendar>(people, 'calendar', (c) => c.id),
    observationsOf: (pairId) => observations.query('', [], pairId, 'c.startsAt'),
    summariesOf: (pairId) => summaries.query('', [], pairId, 'c.sentAt DESC'),
    answeredBy: (personId) =>
      prompts.query(
        "c.personId = @p AND c.status = 'answered'",
        [{ name: '@p', value: personId }],
        undefined,
        'c.answeredAt',
      ),
    observationFacts: async (programmeId) =>
      (await observations.project(observationFactFields, 'c.programmeId = @p', [
        { name: '@p', value: programmeId },
      ])) as unknown as ObservationFact[],
    promptFacts: async (programmeId) =>
      (
        await prompts.project(promptFactFields, 'c.programmeId = @p', [{ name: '@p', value: programmeId }])
      ).map(
        (r) =>
          Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as PromptFact,
      ),
  };
  return {
    cycles,
    people: new CosmosPeople(people, 'person', (p) => p.id),
    teams: new CosmosTeams(teams, 'team', (t) => t.id),
    programmes: programmeRepo,
  };
}
