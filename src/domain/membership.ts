/** documents that live in a programme's partition beside the programme itself */

/** a supervisor's place in a programme; id is `enrolment:<personId>` */
export interface Enrolment {
  readonly type: 'enrolment';
  readonly id: string;
  readonly programmeId: string;
  readonly personId: string;
  readonly displayName: string;
  /** the pair they belong to in this programme; set under ETag guard so nobody is in two pairs */
  readonly pairId?: string;
  readonly enrolledAt: string;
  readonly enrolledBy: string;
}

/** two supervisors (three when numbers are odd) who observe each other */
export interface Pair {
  readonly type: 'pair';
  /** `pair:<uuid>`; also the partition key of the pair's observations and answers */
  readonly id: string;
  readonly programmeId: string;
  readonly memberIds: readonly string[];
  readonly memberNames: Readonly<Record<string, string>>;
  readonly formedBy: 'coordinator' | 'invitation';
  readonly formedAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'failed';

/** one supervisor asking a colleague to pair; id is `invitation:<fromId>:<toId>` */
export interface Invitation {
  readonly type: 'invitation';
  readonly id: string;
  readonly programmeId: string;
  readonly fromId: string;
  readonly fromName: string;
  readonly toId: string;
  readonly toName: string;
  readonly status: InvitationStatus;
  readonly createdAt: string;
  readonly answeredAt?: string;
}

export const enrolmentId = (personId: string): string => `enrolment:${personId}`;
export const invitationId = (fromId: string, toId: string): string => `invitation:${fromId}:${toId}`;
