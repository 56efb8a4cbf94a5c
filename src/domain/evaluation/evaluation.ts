import { Person } from '../people';
import { SendOutcome } from '../ports';
import { Ratings } from './statements';

/** when the statements are asked: at enrolment, and (later) at the programme's end */
export type Phase = 'baseline' | 'end';

/**
 * One person's questionnaire in one programme and phase, in the programme's partition. Made when the
 * card is sent, so that only the person it was sent to can answer it, once. No coordinator view reads
 * it: the only way out is the release computation's totals over five or more.
 */
export interface EvaluationResponse {
  readonly type: 'evaluation';
  /** `evaluation:<phase>:<personId>` */
  readonly id: string;
  readonly programmeId: string;
  readonly personId: string;
  readonly phase: Phase;
  /** sent and waiting; answered; declined ("Not now", which ends it); erased (`delete my data`) */
  readonly status: 'sent' | 'answered' | 'declined' | 'erased';
  readonly sentAt: string;
  /** Teams took the card: a job run again does not send it twice */
  readonly deliveredAt?: string;
  readonly answeredAt?: string;
  readonly ratings?: Ratings;
  /** the end only: how the programme felt overall */
  readonly overall?: OverallRatings;
  /**
   * the end only: an optional comment written to the coordinator (identifier-checked like every
   * text); released only among five or more, shuffled, without names or dates
   */
  readonly comment?: string;
  /** seconds; the programme's retention, like every answer */
  readonly ttl?: number;
}

/** the end's overall questions */
export interface OverallRatings {
  /** how safe being observed felt overall, 1–5 */
  readonly safety?: number;
  /** how useful the programme was, 1–5 */
  readonly usefulness?: number;
  /** would they recommend it to a colleague, 0–10 */
  readonly recommend?: number;
}

export function evaluationId(phase: Phase, personId: string): string {
  return `evaluation:${phase}:${personId}`;
}

/** the durable job that sends a baseline card at the person's next allowed moment */
export const baselineJobKind = 'evaluation.baseline';

/** what the baseline card shows */
export interface BaselineView {
  readonly programmeId: string;
  readonly programmeName: string;
  /** whom the card was sent to: an answer from anyone else is refused */
  readonly personId: string;
}

/** sends the evaluation's card to a person's 1:1 chat, in their language */
export interface EvaluationMail {
  sendBaseline(to: Person, view: BaselineView): Promise<SendOutcome>;
}
