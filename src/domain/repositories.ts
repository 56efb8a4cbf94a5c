import { Enrolment, Invitation, Pair } from './membership';
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
}

export interface Repositories {
  readonly people: PeopleRepository;
  readonly teams: TeamRepository;
  readonly programmes: ProgrammeRepository;
}
