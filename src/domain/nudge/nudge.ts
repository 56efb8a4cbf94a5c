import { Segment } from '../report/segments';

export type NudgeStatus = 'draft' | 'sending' | 'done';

/**
 * A coordinator's nudge to a segment of a programme. The recipients are fixed when it is previewed,
 * so the preview's count is the count sent to (less anyone who paused in between). The message is
 * the coordinator's own words; nothing a supervisor wrote is in here.
 */
export interface Nudge {
  readonly type: 'nudge';
  /** `nudge:<uuid>` */
  readonly id: string;
  readonly programmeId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly segment: Segment;
  readonly message: string;
  /**
   * the ready-made wording the message is, when the coordinator chose one rather than writing their
   * own: each recipient then reads it in their own language (`message` holds the coordinator's)
   */
  readonly wording?: string;
  readonly recipients: readonly string[];
  readonly status: NudgeStatus;
  readonly counts: {
    readonly sent: number;
    readonly unreachable: number;
    readonly failed: number;
    readonly paused: number;
  };
  /** where the coordinator's progress card is, to update it in place */
  readonly progress?: {
    readonly conversationId: string;
    readonly serviceUrl: string;
    readonly tenantId?: string;
    readonly botId: string;
    readonly activityId: string;
  };
  readonly lastProgressAt?: string;
  /** how many recipients have been tried: the send resumes here after a restart */
  readonly next?: number;
  readonly sentAt?: string;
  readonly finishedAt?: string;
}

export type DeliveryStatus = 'sending' | 'sent' | 'unreachable' | 'failed' | 'paused';

/** one recipient of one nudge; created once, so nobody gets the same nudge twice, even across restarts */
export interface NudgeDelivery {
  readonly type: 'nudge-delivery';
  /** `delivery:<nudge uuid>:<personId>` */
  readonly id: string;
  readonly programmeId: string;
  readonly nudgeId: string;
  readonly personId: string;
  readonly status: DeliveryStatus;
  readonly at: string;
}

export function deliveryId(nudgeId: string, personId: string): string {
  return `delivery:${nudgeId.replace(/^nudge:/, '')}:${personId}`;
}
