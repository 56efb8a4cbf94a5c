import { Clock } from '../clock';
import { retryAfterFailure, WorkOutcome } from '../cycle/cycle-jobs';
import { Person } from '../people';
import { SendOutcome } from '../ports';
import { IdentifierKind } from '../privacy/finding';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { BaselineView, EvaluationResponse, evaluationId, Phase } from './evaluation';

/**
 * What a submitted questionnaire came to. The refusals `R` (a tampered card, nothing chosen …) carry
 * the card to show again, still open; the others end it.
 */
export type QuestionnaireOutcome<V, R extends string> =
  | { readonly status: 'answered' | 'declined'; readonly view: V }
  /** answered before: a double click, or a resent activity */
  | { readonly status: 'already' }
  /** declined, erased, never sent to them, or no such programme */
  | { readonly status: 'closed' }
  /** the card names someone else */
  | { readonly status: 'forbidden' }
  | { readonly status: R; readonly view: V; readonly identifier?: FoundIdentifier };

/** an identifier in what was typed: its kind, and what was found, masked */
export interface FoundIdentifier {
  readonly kind: IdentifierKind;
  readonly found: string;
}

/** a change refused: why, and what the card says about it */
export interface Refusal<R extends string> {
  readonly refused: R;
  readonly identifier?: FoundIdentifier;
}

/**
 * The baseline's and the end's questionnaire documents: each made once, when the card is first sent,
 * and answered or declined once. Every change is ETag-guarded, so a double click changes it once.
 */
export class Questionnaires {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends a person's card unless it went before. The document is made first, so that an answer finds
   * it; it is marked delivered once Teams took the card, and a failed send is tried again.
   */
  async deliver(
    phase: Phase,
    programme: Programme,
    person: Person,
    ttl: number,
    send: () => Promise<SendOutcome>,
  ): Promise<WorkOutcome> {
    const id = evaluationId(phase, person.id);
    await this.repos.programmes.evaluations.create({
      type: 'evaluation',
      id,
      programmeId: programme.id,
      personId: person.id,
      phase,
      status: 'sent',
      sentAt: this.clock.now().toISOString(),
      ttl,
    });
    const current = await this.repos.programmes.evaluations.read(id, programme.id);
    if (!current || current.doc.status !== 'sent' || current.doc.deliveredAt) return { status: 'done' };
    return this.sent(await send(), current.doc, current.etag, 'deliveredAt');
  }

  /** the one reminder: sent only while the card waits, and marked so that a job run again sends none */
  async remind(
    phase: Phase,
    programme: Programme,
    person: Person,
    send: () => Promise<SendOutcome>,
  ): Promise<WorkOutcome> {
    const current = await this.repos.programmes.evaluations.read(
      evaluationId(phase, person.id),
      programme.id,
    );
    if (!current || current.doc.status !== 'sent' || !current.doc.deliveredAt || current.doc.remindedAt)
      return { status: 'done' };
    return this.sent(await send(), current.doc, current.etag, 'remindedAt');
  }

  private async sent(
    outcome: SendOutcome,
    doc: EvaluationResponse,
    etag: string,
    mark: 'deliveredAt' | 'remindedAt',
  ): Promise<WorkOutcome> {
    if (outcome.status === 'failed') return retryAfterFailure(this.clock.now());
    if (outcome.status === 'sent')
      await this.repos.programmes.evaluations.replace(
        { ...doc, [mark]: this.clock.now().toISOString() },
        etag,
      );
    return { status: 'done' };
  }

  /**
   * Send or Not now on a person's card: `next` gives the document as it is to be stored, or why not.
   * Only the person it was sent to changes it, once, while it waits.
   */
  async close<V extends BaselineView, R extends string>(
    phase: Phase,
    by: Person,
    fields: Readonly<Record<string, string>>,
    viewOf: (programme: Programme) => V,
    next: (doc: EvaluationResponse, at: string, programme: Programme) => EvaluationResponse | Refusal<R>,
  ): Promise<QuestionnaireOutcome<V, R>> {
    if (fields.personId !== by.id) return { status: 'forbidden' };
    const programmeId = fields.programmeId ?? '';
    const found = await this.repos.programmes.evaluations.read(evaluationId(phase, by.id), programmeId);
    if (!found || found.doc.personId !== by.id) return { status: 'closed' };
    if (found.doc.status === 'answered') return { status: 'already' };
    if (found.doc.status !== 'sent') return { status: 'closed' };
    const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
    if (!programme) return { status: 'closed' };
    const view = viewOf(programme.doc);
    const changed = next(found.doc, this.clock.now().toISOString(), programme.doc);
    if ('refused' in changed)
      return {
        status: changed.refused,
        view,
        ...(changed.identifier ? { identifier: changed.identifier } : {}),
      };
    const outcome = await this.repos.programmes.evaluations.replace(changed, found.etag);
    if (outcome === 'replaced')
      return { status: changed.status === 'answered' ? 'answered' : 'declined', view };
    // someone (a second click) got there first: whatever it did stands
    const latest = await this.repos.programmes.evaluations.read(found.doc.id, programmeId);
    return latest?.doc.status === 'answered' ? { status: 'already' } : { status: 'closed' };
  }
}
