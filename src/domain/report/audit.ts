/** what coordinators did, kept for coordinators to read: who, when, what — counts only, never content */
export type AuditAction =
  | 'programme.create'
  | 'programme.edit'
  | 'enrol'
  | 'pair'
  | 'nudge'
  | 'export'
  | 'coordinator.add'
  | 'evaluation.close';

export interface AuditEntry {
  readonly type: 'audit';
  /** `audit:<uuid>` */
  readonly id: string;
  readonly programmeId: string;
  readonly at: string;
  readonly by: string;
  readonly byName: string;
  readonly action: AuditAction;
  /** small numbers that say how much (e.g. enrolled: 4); no names of supervisors, no text */
  readonly counts: Readonly<Record<string, number>>;
}
