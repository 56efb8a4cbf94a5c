import { Clock } from '../clock';
import { WorkOutcome } from '../cycle/cycle-jobs';
import { CycleReads } from '../cycle/cycle-reads';
import { DueWork } from '../cycle/ports';
import { enrolmentId } from '../membership';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { parseEndAnswers } from './end-answers';
import { endClosesAt, endLastDay, endOpensAt, endReminderFor, endStartsFor, isEndOpen } from './end-window';
import { EndView, EvaluationMail, EvaluationResponse, endJobKinds } from './evaluation';
import { QuestionnaireOutcome, Questionnaires, Refusal } from './questionnaire';

/**
 * What a submitted end card came to: besides the baseline's refusals, a comment too long or holding an
 * identifier (the card comes back with everything typed), or a window that has closed.
 */
export type EndOutcome = QuestionnaireOutcome<EndView, EndRefusal>;

type EndRefusal = 'invalid' | 'empty' | 'tooLong' | 'identifier' | 'expired';

type Payload = Readonly<Record<string, string>>;

/**
 * The end questionnaire: on the programme's last day each enrolled supervisor gets the card at their
 * own first allowed moment, one reminder halfway if it waits, and it closes `evaluationDays` after.
 * One programme-level job fans out to a send and a reminder job per person, so that an end date
 * moved, or someone enrolled late, is read when the day comes rather than when the programme was made.
 * Someone enrolled before it opened who installs the app only while it is open is planned then.
 */
export class EndService {
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

  /** plans (or moves) the programme's job: when its last day begins in the earliest time zone */
  async plan(programme: Programme): Promise<void> {
    await this.work.put({
      id: `${endJobKinds.plan}:${programme.id}`,
      kind: endJobKinds.plan,
      dueAt: endOpensAt(programme),
      payload: { programmeId: programme.id },
    });
  }

  /**
   * The programme's job: a send and a reminder per person enrolled, each when the last day begins in
   * their own time zone. Run early (the end date moved later), it waits for the new date.
   */
  async fanOut(payload: Payload): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const programme = (await this.repos.programmes.programmes.read(programmeId, programmeId))?.doc;
    if (!programme) return { status: 'done' };
    const now = this.clock.now();
    if (now < endOpensAt(programme)) return { status: 'retry', at: endOpensAt(programme) };
    if (!isEndOpen(programme, now)) return { status: 'done' };
    for (const enrolment of await this.repos.programmes.enrolmentsOf(programmeId))
      await this.planFor(programme, enrolment.personId, await this.people.get(enrolment.personId), now);
    return { status: 'done' };
  }

  /**
   * Someone enrolled before the end questionnaire opened who could not be reached when it did, and has
   * installed the app while it is still open: their send and reminder, as the fan-out would have planned
   * them. Not for someone enrolled after it opened: the fan-out left them out, and so does this. Planning
   * again changes nothing, since the card and its reminder go once (see `send` and `remind`).
   */
  async installed(programme: Programme, person: Person): Promise<void> {
    const now = this.clock.now();
    if (!isEndOpen(programme, now)) return;
    const enrolment = await this.repos.programmes.enrolments.read(enrolmentId(person.id), programme.id);
    if (!enrolment || new Date(enrolment.doc.enrolledAt) >= endOpensAt(programme)) return;
    await this.planFor(programme, person.id, person, now);
  }

  /** a person's card, at their allowed moment on their last day, unless it went before or has closed */
  send(payload: Payload): Promise<WorkOutcome> {
    return this.due(payload, endStartsFor, (programme, person) =>
      this.questionnaires.deliver('end', programme, person, this.reads.ttl(programme), () =>
        this.mail.sendEnd(person, this.viewOf(programme, person), false),
      ),
    );
  }

  /** the one reminder, at the person's allowed moment, while the card waits unanswered */
  remind(payload: Payload): Promise<WorkOutcome> {
    return this.due(
      payload,
      (programme, zone) => endReminderFor(programme, zone) ?? endClosesAt(programme),
      (programme, person) =>
        this.questionnaires.remind('end', programme, person, () =>
          this.mail.sendEnd(person, this.viewOf(programme, person), true),
        ),
    );
  }

  /** Send: the answers, stored once while the questionnaire is open */
  answer(by: Person, fields: Payload): Promise<EndOutcome> {
    return this.close(by, fields, (doc, at) => {
      const parsed = parseEndAnswers(fields, this.clock.now());
      if (!parsed.ok)
        return parsed.status === 'identifier'
          ? { refused: 'identifier', identifier: parsed.identifier }
          : { refused: parsed.status };
      const { ratings, overall, comment } = parsed.answers;
      return {
        ...doc,
        status: 'answered',
        answeredAt: at,
        ratings,
        overall,
        ...(comment ? { comment } : {}),
      };
    });
  }

  /** Not now: ends it, with nothing stored and no reminder */
  decline(by: Person, fields: Payload): Promise<EndOutcome> {
    return this.close(by, fields, (doc) => ({ ...doc, status: 'declined' }));
  }

  private close(
    by: Person,
    fields: Payload,
    next: (doc: EvaluationResponse, at: string) => EvaluationResponse | Refusal<EndRefusal>,
  ): Promise<EndOutcome> {
    return this.questionnaires.close(
      'end',
      by,
      fields,
      (programme) => this.viewOf(programme, by),
      (doc, at, programme) =>
        isEndOpen(programme, this.clock.now()) ? next(doc, at) : { refused: 'expired' as const },
    );
  }

  /** a person's job: still theirs, not before its day in their time zone, then their allowed moment */
  private async due(
    payload: Payload,
    startsFor: (programme: Programme, zone: string) => Date,
    run: (programme: Programme, person: Person) => Promise<WorkOutcome>,
  ): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const [found, person] = await Promise.all([
      this.repos.programmes.programmes.read(programmeId, programmeId),
      this.people.get(payload.personId ?? ''),
    ]);
    const programme = found?.doc;
    if (!programme || !person?.reach || !person.programmeIds.includes(programmeId)) return { status: 'done' };
    const now = this.clock.now();
    const starts = startsFor(programme, this.reads.zoneOf(person, programme));
    if (now < starts) return { status: 'retry', at: starts };
    if (!isEndOpen(programme, now)) return { status: 'done' };
    const deferred = this.reads.deferral(person, programme);
    if (deferred)
      return deferred < endClosesAt(programme) ? { status: 'retry', at: deferred } : { status: 'done' };
    return run(programme, person);
  }

  /**
   * One person's send and reminder, each when the last day begins in their time zone; the reminder only
   * while it is still ahead, so that someone planned late does not get it straight after the card.
   */
  private async planFor(
    programme: Programme,
    personId: string,
    person: Person | undefined,
    now: Date,
  ): Promise<void> {
    const zone = this.reads.zoneOf(person, programme);
    const payload = { programmeId: programme.id, personId };
    const key = `${programme.id}:${personId}`;
    await this.work.put({
      id: `${endJobKinds.send}:${key}`,
      kind: endJobKinds.send,
      dueAt: later(now, endStartsFor(programme, zone)),
      payload,
    });
    const reminder = endReminderFor(programme, zone);
    if (reminder && reminder > now)
      await this.work.put({
        id: `${endJobKinds.remind}:${key}`,
        kind: endJobKinds.remind,
        dueAt: reminder,
        payload,
      });
  }

  private viewOf(programme: Programme, person: Person): EndView {
    return {
      programmeId: programme.id,
      programmeName: programme.name,
      personId: person.id,
      lastDay: endLastDay(programme),
    };
  }
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
