import { Calendar } from '../domain/cycle/calendar';
import { Observation } from '../domain/cycle/observation';
import { Erasure, Posted } from '../domain/cycle/posted';
import { Prompt } from '../domain/cycle/prompt';
import { Summary } from '../domain/cycle/summary';
import { EvaluationResponse } from '../domain/evaluation/evaluation';
import { EvaluationResults } from '../domain/evaluation/results-release';
import { Enrolment, Invitation, Pair } from '../domain/membership';
import { Nudge, NudgeDelivery } from '../domain/nudge/nudge';
import { AuditEntry } from '../domain/report/audit';
import { ObservationFact, PromptFact } from '../domain/report/facts';
import { ReleasedFigures } from '../domain/report/release';
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
import { CosmosCollection, TenantScope } from './cosmos-collection';
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
  'setting',
  'learnerLevel',
] as const;
/** what counting answered questionnaires may read: never ratings, overall ratings or comments */
const evaluationStatusFields = ['phase', 'status'] as const;
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
  'expiresAt',
  'safetyRating',
] as const;

/**
 * The domain's repositories over the store's containers, for one tenant: nothing they read, write,
 * list or count belongs to another (see TenantScope).
 */
export function cosmosRepositories(store: CosmosStore, tenant: TenantScope): Repositories {
  const { people, teams, programmes } = store.containers;
  const programmeDocs = new CosmosCollection<Programme>(programmes, 'programme', 'programmeId', tenant);
  const enrolments = new CosmosCollection<Enrolment>(programmes, 'enrolment', 'programmeId', tenant);
  const pairs = new CosmosCollection<Pair>(programmes, 'pair', 'programmeId', tenant);
  const audit = new CosmosCollection<AuditEntry>(programmes, 'audit', 'programmeId', tenant);
  const nudges = new CosmosCollection<Nudge>(programmes, 'nudge', 'programmeId', tenant);
  const evaluations = new CosmosCollection<EvaluationResponse>(
    programmes,
    'evaluation',
    'programmeId',
    tenant,
  );
  const programmeRepo: ProgrammeRepository = {
    programmes: programmeDocs,
    enrolments,
    pairs,
    invitations: new CosmosCollection<Invitation>(programmes, 'invitation', 'programmeId', tenant),
    allProgrammes: () => programmeDocs.query('', [], undefined, 'c.startDate DESC'),
    enrolmentsOf: (programmeId) => enrolments.query('', [], programmeId, 'c.displayName'),
    pairsOf: (programmeId) => pairs.query('', [], programmeId),
    audit,
    nudges,
    deliveries: new CosmosCollection<NudgeDelivery>(programmes, 'nudge-delivery', 'programmeId', tenant),
    evaluations,
    evaluationsOf: (programmeId) => evaluations.query('', [], programmeId),
    evaluationStatuses: async (programmeId) =>
      (await evaluations.project(evaluationStatusFields, 'c.programmeId = @p', [
        { name: '@p', value: programmeId },
      ])) as unknown as { phase: EvaluationResponse['phase']; status: EvaluationResponse['status'] }[],
    evaluationResults: new CosmosCollection<EvaluationResults>(
      programmes,
      'evaluation-release',
      'programmeId',
      tenant,
    ),
    released: new CosmosCollection<ReleasedFigures>(programmes, 'released-figures', 'programmeId', tenant),
    nudgesOf: (programmeId) => nudges.query('', [], programmeId, 'c.createdAt DESC'),
    auditOf: async (programmeId, limit) =>
      (await audit.query('', [], programmeId, 'c.at DESC')).slice(0, limit),
  };
  const { cycles: cycleDocs } = store.containers;
  const observations = new CosmosCollection<Observation>(cycleDocs, 'observation', 'pairId', tenant);
  const prompts = new CosmosCollection<Prompt>(cycleDocs, 'prompt', 'pairId', tenant);
  const summaries = new CosmosCollection<Summary>(cycleDocs, 'summary', 'pairId', tenant);
  const posted = new CosmosCollection<Posted>(cycleDocs, 'posted', 'pairId', tenant);
  const cycles: CycleRepository = {
    observations,
    prompts,
    summaries,
    // beside the person document in `people`, each in its own partition (its id): a point read away
    calendars: new CosmosCollection<Calendar>(people, 'calendar', 'id', tenant),
    posted,
    // across the pairs' partitions, like answeredBy: only `delete my data` asks
    postedShowing: (personId) =>
      posted.query('ARRAY_CONTAINS(c.shows, @p)', [{ name: '@p', value: personId }], undefined, 'c.postedAt'),
    erasures: new CosmosCollection<Erasure>(people, 'erasure', 'id', tenant),
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
    people: new CosmosPeople(people, 'person', 'id', tenant),
    teams: new CosmosTeams(teams, 'team', 'id', tenant),
    programmes: programmeRepo,
  };
}
