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
  /** the end only: its one reminder went (a job run again does not send it twice) */
  readonly remindedAt?: string;
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

/**
 * The end's durable jobs: one per programme, due when its last day begins anywhere, plans one send
 * and one reminder per person enrolled (see docs/evaluation.md). Planned again whenever the programme
 * is saved, so a moved end date moves it.
 */
export const endJobKinds = {
  plan: 'evaluation.end',
  send: 'evaluation.end.send',
  remind: 'evaluation.end.remind',
} as const;

/** what the baseline card shows */
export interface BaselineView {
  readonly programmeId: string;
  readonly programmeName: string;
  /** whom the card was sent to: an answer from anyone else is refused */
  readonly personId: string;
}

/** what the end card shows besides that */
export interface EndView extends BaselineView {
  /** the last day it can be answered (yyyy-MM-dd, the programme's time zone) */
  readonly lastDay: string;
}

/** sends the evaluation's cards to a person's 1:1 chat, in their language */
export interface EvaluationMail {
  sendBaseline(to: Person, view: BaselineView): Promise<SendOutcome>;
  /** the end card; `reminder` says so above it */
  sendEnd(to: Person, view: EndView, reminder: boolean): Promise<SendOutcome>;
}
