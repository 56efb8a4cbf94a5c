import { Calendar } from './cycle/calendar';
import { Observation } from './cycle/observation';
import { Erasure, Posted } from './cycle/posted';
import { Prompt } from './cycle/prompt';
import { Summary } from './cycle/summary';
import { EvaluationResponse, Phase } from './evaluation/evaluation';
import { EvaluationResults } from './evaluation/results-release';
import { Enrolment, Invitation, Pair } from './membership';
import { Nudge, NudgeDelivery } from './nudge/nudge';
import { AuditEntry } from './report/audit';
import { ObservationFact, PromptFact } from './report/facts';
import { ReleasedFigures } from './report/release';
import { Person } from './people';
import { Collection } from './ports';
import { Programme } from './programme';
import { Team } from './team';

export interface PeopleRepository extends Collection<Person> {
  /** everyone with the coordinator role stored (configured coordinators may not have a document yet) */
  coordinators(): Promise<Person[]>;
  /** people the bot can reach, by name; offered as choices where no people picker exists */
  reachable(limit: number): Promise<Person[]>;
}

export interface TeamRepository extends Collection<Team> {
  all(): Promise<Team[]>;
}

/** a programme's partition: the programme and its membership documents */
export interface ProgrammeRepository {
  readonly programmes: Collection<Programme>;
  readonly enrolments: Collection<Enrolment>;
  readonly pairs: Collection<Pair>;
  readonly invitations: Collection<Invitation>;
  allProgrammes(): Promise<Programme[]>;
  enrolmentsOf(programmeId: string): Promise<Enrolment[]>;
  pairsOf(programmeId: string): Promise<Pair[]>;
  readonly audit: Collection<AuditEntry>;
  readonly nudges: Collection<Nudge>;
  readonly deliveries: Collection<NudgeDelivery>;
  /** each person's evaluation questionnaires, by `evaluation:<phase>:<personId>`: no coordinator view reads them */
  readonly evaluations: Collection<EvaluationResponse>;
  /** a programme's questionnaires, whole: only the evaluation's release computation reads them */
  evaluationsOf(programmeId: string): Promise<EvaluationResponse[]>;
  /** each questionnaire's phase and status alone (how many answered, while the evaluation is open) */
  evaluationStatuses(
    programmeId: string,
  ): Promise<{ readonly phase: Phase; readonly status: EvaluationResponse['status'] }[]>;
  /** the evaluation's release, made once when it closes (one document per programme) */
  readonly evaluationResults: Collection<EvaluationResults>;
  /** the figures derived from answers as last released to coordinators (one document per programme) */
  readonly released: Collection<ReleasedFigures>;
  /** a programme's nudges, newest first */
  nudgesOf(programmeId: string): Promise<Nudge[]>;
  /** the latest coordinator actions in a programme, newest first */
  auditOf(programmeId: string, limit: number): Promise<AuditEntry[]>;
}

/** a pair's private content: observations, prompts (with answers), summaries */
export interface CycleRepository {
  readonly observations: Collection<Observation>;
  readonly prompts: Collection<Prompt>;
  readonly summaries: Collection<Summary>;
  /**
   * each person's observations that have not ended, by `calendar:<personId>` in that same partition
   * (to refuse overlaps, and for `upcoming`, with point reads)
   */
  readonly calendars: Collection<Calendar>;
  /** messages posted that show what someone in the pair wrote: where they are, never the words */
  readonly posted: Collection<Posted>;
  /** every posted message (one record per pair it shows) still showing this person's words */
  postedShowing(personId: string): Promise<Posted[]>;
  /** a `delete my data` whose messages are being updated, by `erasure:<personId>` (beside the calendars) */
  readonly erasures: Collection<Erasure>;
  /** one pair's observations, soonest first */
  observationsOf(pairId: string): Promise<Observation[]>;
  /** a pair's summaries, newest first (for `history`) */
  summariesOf(pairId: string): Promise<Summary[]>;
  /** a programme's observations, without anything anyone wrote (reports) */
  observationFacts(programmeId: string): Promise<ObservationFact[]>;
  /** every prompt a person has answered, in any pair (their own data: `my data`, `delete my data`) */
  answeredBy(personId: string): Promise<Prompt[]>;
  /** a programme's prompts, without their answers (reports) */
  promptFacts(programmeId: string): Promise<PromptFact[]>;
}

export interface Repositories {
  readonly people: PeopleRepository;
  readonly teams: TeamRepository;
  readonly programmes: ProgrammeRepository;
  readonly cycles: CycleRepository;
}
