import { Clock } from '../clock';
import { retryAfterFailure, WorkOutcome } from '../cycle/cycle-jobs';
import { CycleReads } from '../cycle/cycle-reads';
import { DueWork } from '../cycle/ports';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import {
  baselineJobKind,
  BaselineView,
  EvaluationMail,
  EvaluationResponse,
  evaluationId,
} from './evaluation';
import { parseRatings } from './statements';

/**
 * What a submitted baseline card came to. `open` carries the card to show again (the person's own
 * questionnaire, still waiting); the others end it.
 */
export type BaselineOutcome =
  | { readonly status: 'answered' | 'declined'; readonly view: BaselineView }
  /** answered before: a double click, or a resent activity */
  | { readonly status: 'already' }
  /** declined, erased, never sent to them, or no such programme */
  | { readonly status: 'closed' }
  /** the card names someone else */
  | { readonly status: 'forbidden' }
  /** a value off the scale or an unknown statement (a tampered card), or nothing chosen */
  | { readonly status: 'invalid' | 'empty'; readonly view: BaselineView };

/**
 * The baseline questionnaire: planned at enrolment, sent once at the person's next allowed moment,
 * answered or declined once. Every change is ETag-guarded, so a double click changes it once.
 */
export class BaselineService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly work: DueWork,
    private readonly mail: EvaluationMail,
    private readonly reads: CycleReads,
  ) {}

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

  /**
   * The durable job: sends the card unless it went before. The document is made first, so that an
   * answer finds it; it is marked delivered once Teams took the card, and a failed send is tried again.
   */
  async send(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const [programme, person] = await Promise.all([
      this.repos.programmes.programmes.read(programmeId, programmeId),
      this.people.get(payload.personId ?? ''),
    ]);
    if (!programme || !person?.reach || !person.programmeIds.includes(programmeId)) return { status: 'done' };
    const later = this.reads.deferral(person, programme.doc);
    if (later) return { status: 'retry', at: later };
    const id = evaluationId('baseline', person.id);
    const doc: EvaluationResponse = {
      type: 'evaluation',
      id,
      programmeId,
      personId: person.id,
      phase: 'baseline',
      status: 'sent',
      sentAt: this.clock.now().toISOString(),
      ttl: this.reads.ttl(programme.doc),
    };
    await this.repos.programmes.evaluations.create(doc);
    const current = await this.repos.programmes.evaluations.read(id, programmeId);
    if (!current || current.doc.status !== 'sent' || current.doc.deliveredAt) return { status: 'done' };
    const outcome = await this.mail.sendBaseline(person, {
      programmeId,
      programmeName: programme.doc.name,
      personId: person.id,
    });
    if (outcome.status === 'failed') return retryAfterFailure(this.clock.now());
    if (outcome.status === 'sent')
      await this.repos.programmes.evaluations.replace(
        { ...current.doc, deliveredAt: this.clock.now().toISOString() },
        current.etag,
      );
    return { status: 'done' };
  }

  /** Send: the ratings, stored once */
  answer(by: Person, fields: Readonly<Record<string, string>>): Promise<BaselineOutcome> {
    return this.close(by, fields, (doc, at) => {
      const parsed = parseRatings(fields);
      if (!parsed.ok) return 'invalid';
      if (Object.keys(parsed.ratings).length === 0) return 'empty';
      return { ...doc, status: 'answered', answeredAt: at, ratings: parsed.ratings };
    });
  }

  /** Not now: ends it, with nothing stored and no reminder */
  decline(by: Person, fields: Readonly<Record<string, string>>): Promise<BaselineOutcome> {
    return this.close(by, fields, (doc) => ({ ...doc, status: 'declined' }));
  }

  private async close(
    by: Person,
    fields: Readonly<Record<string, string>>,
    next: (doc: EvaluationResponse, at: string) => EvaluationResponse | 'invalid' | 'empty',
  ): Promise<BaselineOutcome> {
    if (fields.personId !== by.id) return { status: 'forbidden' };
    const programmeId = fields.programmeId ?? '';
    const found = await this.repos.programmes.evaluations.read(evaluationId('baseline', by.id), programmeId);
    if (!found || found.doc.personId !== by.id) return { status: 'closed' };
    if (found.doc.status === 'answered') return { status: 'already' };
    if (found.doc.status !== 'sent') return { status: 'closed' };
    const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
    if (!programme) return { status: 'closed' };
    const view = { programmeId, programmeName: programme.doc.name, personId: by.id };
    const changed = next(found.doc, this.clock.now().toISOString());
    if (typeof changed === 'string') return { status: changed, view };
    const outcome = await this.repos.programmes.evaluations.replace(changed, found.etag);
    if (outcome === 'replaced')
      return { status: changed.status === 'answered' ? 'answered' : 'declined', view };
    // someone (a second click) got there first: whatever it did stands
    const latest = await this.repos.programmes.evaluations.read(found.doc.id, programmeId);
    return { status: latest?.doc.status === 'answered' ? 'already' : 'closed' };
  }
}
