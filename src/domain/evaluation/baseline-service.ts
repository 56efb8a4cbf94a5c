import { Clock } from '../clock';
import { WorkOutcome } from '../cycle/cycle-jobs';
import { CycleReads } from '../cycle/cycle-reads';
import { DueWork } from '../cycle/ports';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { baselineJobKind, BaselineView, EvaluationMail, EvaluationResponse } from './evaluation';
import { QuestionnaireOutcome, Questionnaires, Refusal } from './questionnaire';
import { parseRatings } from './statements';

/** what a submitted baseline card came to: a value off the scale, an unknown statement, or nothing chosen */
export type BaselineOutcome = QuestionnaireOutcome<BaselineView, 'invalid' | 'empty'>;

/**
 * The baseline questionnaire: planned at enrolment, sent once at the person's next allowed moment,
 * answered or declined once. Every change is ETag-guarded, so a double click changes it once.
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
  ) {
    this.questionnaires = new Questionnaires(repos, clock);
  }

  /** plans the card for someone just enrolled, at their next allowed moment (checked again when due) */
  async invite(programme: Programme, person: Person): Promise<void> {
    await this.work.put({
      id: `${baselineJobKind}:${programme.id}:${person.id}`,
      kind: baselineJobKind,
      dueAt: this.reads.deferral(person, programme) ?? this.clock.now(),
      payload: { programmeId: programme.id, personId: person.id },
    });
  }

  /**
   * Someone enrolled before they installed the app (or while it was uninstalled) is invited when the
   * app is installed: one job per programme they are in. A job for someone already invited changes
   * nothing, since the card goes once per person and programme (see `send`).
   */
  async invited(person: Person): Promise<void> {
    for (const programmeId of person.programmeIds) {
      const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
      if (programme) await this.invite(programme.doc, person);
    }
  }

  /** the durable job: sends the card at the person's allowed moment, unless it went before */
  async send(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const [programme, person] = await Promise.all([
      this.repos.programmes.programmes.read(programmeId, programmeId),
      this.people.get(payload.personId ?? ''),
    ]);
    if (!programme || !person?.reach || !person.programmeIds.includes(programmeId)) return { status: 'done' };
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
