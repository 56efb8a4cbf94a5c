import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Clock } from './clock';
import { personName } from './plain-text';
import { BaselineService } from './evaluation/baseline-service';
import { EndService } from './evaluation/end-service';
import { Enrolment, enrolmentId, Pair } from './membership';
import { mutate } from './mutate';
import { NoticeBoard } from './notices';
import { isPersonId, newPerson, normaliseId } from './people';
import { Directory } from './ports';
import {
  defaultPolicy,
  defaultSettings,
  FieldErrors,
  Programme,
  ProgrammeInput,
  ProgrammeSettings,
  TimingPolicy,
  validateProgramme,
} from './programme';
import { Repositories } from './repositories';

export type SaveOutcome =
  | { readonly status: 'saved'; readonly programme: Programme; readonly etag?: string }
  /** `found`: the identifiers in the name, masked, for the name's error message */
  | { readonly status: 'invalid'; readonly errors: FieldErrors; readonly found?: string }
  /** someone else saved the programme since this card was opened */
  | { readonly status: 'conflict'; readonly current: Programme; readonly etag: string }
  | { readonly status: 'missing' };

export interface Invitee {
  readonly personId: string;
  readonly displayName: string;
}

export interface EnrolOutcome {
  readonly enrolled: readonly Invitee[];
  readonly already: readonly Invitee[];
  /** enrolled, but the app is not installed for them, so no welcome reached them */
  readonly unreachable: readonly Invitee[];
}

export interface ProgrammeOverview {
  readonly programme: Programme;
  readonly etag: string;
  readonly enrolments: readonly Enrolment[];
  readonly pairs: readonly Pair[];
}

const enrolBatch = 16;

/** what coordinators do with programmes: create, edit, enrol supervisors */
export class ProgrammeService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly notices: NoticeBoard,
    private readonly directory: Directory,
    private readonly supportedLocales: readonly string[],
    /** what a new programme's timing starts from (local demo runs start from minutes) */
    private readonly startingPolicy: TimingPolicy = defaultPolicy,
    /** plans the baseline questionnaire for each person newly enrolled */
    private readonly baseline?: Pick<BaselineService, 'invite'>,
    /** plans the end questionnaire for the programme's last day, again whenever the programme is saved */
    private readonly end?: Pick<EndService, 'plan'>,
  ) {}

  /** the values a blank programme card starts from */
  blank(timeZone: string, locale: string): ProgrammeSettings {
    return defaultSettings(DateTime.fromJSDate(this.clock.now()), timeZone, locale, this.startingPolicy);
  }

  async create(createdBy: string, input: ProgrammeInput): Promise<SaveOutcome> {
    const checked = validateProgramme(input, this.clock.now(), this.supportedLocales);
    if (!checked.ok) return { status: 'invalid', errors: checked.errors, found: checked.found };
    const id = randomUUID();
    const at = this.clock.now().toISOString();
    const programme: Programme = {
      type: 'programme',
      id,
      programmeId: id,
      ...checked.settings,
      createdBy,
      createdAt: at,
      updatedAt: at,
    };
    await this.repos.programmes.programmes.create(programme);
    await this.end?.plan(programme);
    return { status: 'saved', programme };
  }

  /** saves an edit only if nobody saved in between (the card carries the version it was opened at) */
  async update(programmeId: string, input: ProgrammeInput, etag: string): Promise<SaveOutcome> {
    const current = await this.repos.programmes.programmes.read(programmeId, programmeId);
    if (!current) return { status: 'missing' };
    // a programme under way for over a year may keep its start date
    const checked = validateProgramme(input, this.clock.now(), this.supportedLocales, current.doc);
    if (!checked.ok) return { status: 'invalid', errors: checked.errors, found: checked.found };
    const next: Programme = {
      ...current.doc,
      ...checked.settings,
      updatedAt: this.clock.now().toISOString(),
    };
    const outcome = await this.repos.programmes.programmes.replace(next, etag);
    if (outcome === 'replaced') {
      // a moved last day (or time zone, or window) moves the end questionnaire with it
      await this.end?.plan(next);
      return { status: 'saved', programme: next };
    }
    if (outcome === 'missing') return { status: 'missing' };
    const latest = (await this.repos.programmes.programmes.read(programmeId, programmeId))!;
    return { status: 'conflict', current: latest.doc, etag: latest.etag };
  }

  async get(programmeId: string): Promise<{ programme: Programme; etag: string } | undefined> {
    const found = await this.repos.programmes.programmes.read(programmeId, programmeId);
    return found && { programme: found.doc, etag: found.etag };
  }

  list(): Promise<Programme[]> {
    return this.repos.programmes.allProgrammes();
  }

  /** who is enrolled in a programme, paired or not */
  enrolmentsOf(programmeId: string): Promise<Enrolment[]> {
    return this.repos.programmes.enrolmentsOf(programmeId);
  }

  async overview(programmeId: string): Promise<ProgrammeOverview | undefined> {
    const found = await this.get(programmeId);
    if (!found) return undefined;
    const [enrolments, pairs] = await Promise.all([
      this.repos.programmes.enrolmentsOf(programmeId),
      this.repos.programmes.pairsOf(programmeId),
    ]);
    return { ...found, enrolments, pairs };
  }

  /**
   * Enrols people (idempotent: enrolling someone twice changes nothing) and welcomes those the bot
   * can reach. People the bot has never met get a document so that their place is kept. Each person
   * newly enrolled is sent the baseline questionnaire at their next allowed moment.
   */
  async enrol(programme: Programme, by: string, people: readonly Invitee[]): Promise<EnrolOutcome> {
    const unique = [...new Map(people.map((p) => [normaliseId(p.personId), p])).entries()].filter(([id]) =>
      isPersonId(id),
    );
    const enrolled: Invitee[] = [];
    const already: Invitee[] = [];
    const reachable = new Set<string>();
    for (let i = 0; i < unique.length; i += enrolBatch) {
      await Promise.all(
        unique.slice(i, i + enrolBatch).map(async ([id, p]) => {
          const person = await mutate(this.repos.people, id, id, (current) => {
            if (current?.programmeIds.includes(programme.id)) return undefined;
            const base = current ?? newPerson(id, p.displayName, this.clock.now());
            return { ...base, programmeIds: [...base.programmeIds, programme.id] };
          });
          const name = person.doc?.displayName || personName(p.displayName);
          const enrolment: Enrolment = {
            type: 'enrolment',
            id: enrolmentId(id),
            programmeId: programme.id,
            personId: id,
            displayName: name,
            enrolledAt: this.clock.now().toISOString(),
            enrolledBy: by,
          };
          const created = await this.repos.programmes.enrolments.create(enrolment);
          (created === 'created' ? enrolled : already).push({ personId: id, displayName: name });
          if (created === 'created' && person.doc?.reach) await this.baseline?.invite(programme, person.doc);
          if (person.doc?.reach) reachable.add(id);
        }),
      );
    }
    const { unreachable: failed } = await this.notices.post(
      enrolled
        .filter((p) => reachable.has(p.personId))
        .map((p) => ({
          kind: 'enrolled' as const,
          to: p.personId,
          programmeId: programme.id,
          programmeName: programme.name,
        })),
    );
    const unreachable = enrolled.filter((p) => !reachable.has(p.personId) || failed.includes(p.personId));
    return { enrolled, already, unreachable };
  }

  /** enrols everyone on a team's roster (the team the bot is installed in) */
  async enrolTeam(
    programme: Programme,
    by: string,
    teamId: string,
  ): Promise<EnrolOutcome | 'unreachable' | 'missing'> {
    const team = await this.repos.teams.read(teamId, teamId);
    if (!team) return 'missing';
    const roster = await this.directory.teamMembers(team.doc.reach);
    if (roster === 'unreachable') return 'unreachable';
    return this.enrol(programme, by, roster);
  }
}
