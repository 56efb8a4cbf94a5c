import { Clock } from '../clock';
import { WorkOutcome } from '../cycle/cycle-jobs';
import { CycleReads } from '../cycle/cycle-reads';
import { DueWork } from '../cycle/ports';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { EndService } from './end-service';
import { endOpensAt } from './end-window';
import { baselineJobKind, BaselineView, EvaluationMail, EvaluationResponse } from './evaluation';
import { QuestionnaireOutcome, Questionnaires, Refusal } from './questionnaire';
import { parseRatings } from './statements';

/** what a submitted baseline card came to: a value off the scale, an unknown statement, or nothing chosen */
export type BaselineOutcome = QuestionnaireOutcome<BaselineView, 'invalid' | 'empty'>;

/**
 * The baseline questionnaire: planned at enrolment, sent once at the person's next allowed moment,
 * answered or declined once. Every change is ETag-guarded, so a double click changes it once. None
 * goes once the end questionnaire has opened: a baseline taken at the end is no baseline.
 */
export class BaselineService {
  private readonly questionnaires: Questionnaires;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly work: DueWork,
    private readonly mail: EvaluationMail,
    private readonly reads: CycleReads,
    /** plans the end card for someone who installs the app while it is open */
    private readonly end: Pick<EndService, 'installed'>,
  ) {
    this.questionnaires = new Questionnaires(repos, clock);
  }

  /** plans the card for someone just enrolled, at their next allowed moment (checked again when due) */
  async invite(programme: Programme, person: Person): Promise<void> {
    if (!isBaselineOpen(programme, this.clock.now())) return;
    await this.work.put({
      id: `${baselineJobKind}:${programme.id}:${person.id}`,
      kind: baselineJobKind,
      dueAt: this.reads.deferral(person, programme) ?? this.clock.now(),
      payload: { programmeId: programme.id, personId: person.id },
    });
  }

  /**
   * Someone enrolled before they installed the app (or while it was uninstalled) is invited when the
   * app is installed, per programme they are in: to the baseline, and to the end questionnaire if it
   * is open (see `EndService.installed`). A job for someone already invited changes nothing, since
   * each card goes once per person and programme (see `send`).
   */
  async invited(person: Person): Promise<void> {
    for (const programmeId of person.programmeIds) {
      const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
      if (!programme) continue;
      await this.invite(programme.doc, person);
      await this.end.installed(programme.doc, person);
    }
  }

  /**
   * The durable job: sends the card at the person's allowed moment, unless it went before or the end
   * questionnaire has opened meanwhile (quiet hours can defer it past that).
   */
  async send(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const [programme, person] = await Promise.all([
      this.repos.programmes.programmes.read(programmeId, programmeId),
      this.people.get(payload.personId ?? ''),
    ]);
    if (!programme || !person?.reach || !person.programmeIds.includes(programmeId)) return { status: 'done' };
    if (!isBaselineOpen(programme.doc, this.clock.now())) return { status: 'done' };
    const later = this.reads.deferral(person, programme.doc);
    if (later) return { status: 'retry', at: later };
    return this.questionnaires.deliver('baseline', programme.doc, person, this.reads.ttl(programme.doc), () =>
      this.mail.sendBaseline(person, { programmeId, programmeName: programme.doc.name, personId: person.id }),
    );
  }

  /** Send: the ratings, stored once */
  answer(by: Person, fields: Readonly<Record<string, string>>): Promise<BaselineOutcome> {
    return this.close(by, fields, (doc, at) => {
      const parsed = parseRatings(fields);
      if (!parsed.ok) return { refused: 'invalid' };
      if (Object.keys(parsed.ratings).length === 0) return { refused: 'empty' };
      return { ...doc, status: 'answered', answeredAt: at, ratings: parsed.ratings };
    });
  }

  /** Not now: ends it, with nothing stored and no reminder */
  decline(by: Person, fields: Readonly<Record<string, string>>): Promise<BaselineOutcome> {
    return this.close(by, fields, (doc) => ({ ...doc, status: 'declined' }));
  }

  private close(
    by: Person,
    fields: Readonly<Record<string, string>>,
    next: (doc: EvaluationResponse, at: string) => EvaluationResponse | Refusal<'invalid' | 'empty'>,
  ): Promise<BaselineOutcome> {
    const viewOf = (programme: Programme) => ({
      programmeId: programme.id,
      programmeName: programme.name,
      personId: by.id,
    });
    return this.questionnaires.close('baseline', by, fields, viewOf, next);
  }
}

/** a baseline is one only before the end questionnaire opens anywhere */
function isBaselineOpen(programme: Programme, now: Date): boolean {
  return now < endOpensAt(programme);
}
