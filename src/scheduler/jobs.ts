/**
 * Due work: what the scheduler stores and the port it stores it through. Plain TypeScript — the
 * Cosmos DB implementation is src/store/job-store.ts.
 *
 * Design (the id is all a caller ever needs; nothing is found by scanning):
 * - A job's document lives in partition `slot`, the UTC hour ('yyyy-MM-ddTHH') of the dueAt it was
 *   put with, so writes spread over many logical partitions and finished hours leave nothing behind.
 * - Beside it, one small pointer document per job id in partition `_index` records which slot holds
 *   the job's current document (and the revision put there). put and cancel start with a point
 *   read of the pointer, so they never search for a job. The pointer is the commit point: a job
 *   document only runs while the pointer points at its slot. A put writes the new document first,
 *   then the pointer, then removes the old document; a cancel removes the pointer first, then the
 *   document. A crash between two of those steps therefore leaves the old schedule or the new one
 *   in force, never both and never neither, and the leftover document is removed by a later claim.
 * - Finished jobs are deleted (with their pointer), so the container holds pending work only.
 * - retryLater keeps the job in its slot and moves only dueAt: an IfMatch replace of one document is
 *   atomic, a move between partitions is not. Due work is found by dueAt (one query across
 *   partitions), so a slot older than its dueAt costs nothing.
 */

/** a job as stored */
export interface Job {
  readonly type: 'job';
  /** the caller's id: deterministic (e.g. 'prompt:<promptId>:reminder'), so scheduling twice is harmless */
  readonly id: string;
  /** UTC hour 'yyyy-MM-ddTHH' of the dueAt it was put with: the partition key */
  readonly slot: string;
  /** which put wrote this document: lets a finished job drop its pointer only if nobody re-put it */
  readonly rev: string;
  /** picks the handler */
  readonly kind: string;
  /** ISO 8601, UTC */
  readonly dueAt: string;
  /** ids and references only, never what a person wrote: it is stored outside the pair's partition */
  readonly payload: Readonly<Record<string, string>>;
  /** present while an instance is working on it; claimable again once `until` has passed */
  readonly lease?: { readonly owner: string; readonly until: string };
  /** tries that did not finish it: handler retries, throws, and leases that expired */
  readonly attempts: number;
  /** when this version was put */
  readonly createdAt: string;
}

/** a job this instance holds a lease on */
export interface ClaimedJob extends Job {
  readonly lease: { readonly owner: string; readonly until: string };
  /** the version claimed: complete and retryLater only act if it is still this one */
  readonly etag: string;
  /** the previous lease had expired: an instance crashed or overran while working on it */
  readonly reclaimed: boolean;
}

/** what to schedule */
export interface JobSpec {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: Readonly<Record<string, string>>;
}

export interface JobStore {
  /**
   * schedules a job; idempotent by id: putting the same id again replaces dueAt, kind and payload,
   * resets attempts and drops any lease (a run already in progress then cannot complete it)
   */
  put(job: JobSpec): Promise<void>;
  /** removes the job wherever it is */
  cancel(id: string): Promise<'cancelled' | 'missing'>;
  /** the pending job with this id, if any (two point reads) */
  get(id: string): Promise<Job | undefined>;
  /**
   * claims up to `limit` jobs due at `now`, oldest first, each with a lease until now + leaseMs.
   * ETag-guarded: two instances never hold the same job; a job whose lease expired is claimable again
   */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<ClaimedJob[]>;
  /**
   * how many jobs are due at `now` and held by nobody: what claims have yet to take (one aggregate
   * query across partitions; the dispatch loop asks at most once a minute)
   */
  countDue(now: Date): Promise<number>;
  /** moves the end of our lease to `until`, while its handler still runs; 'lost' as for complete */
  renew(job: ClaimedJob, until: Date): Promise<ClaimedJob | 'lost'>;
  /** deletes the job; 'lost' when it is no longer the version we claimed (lease expired and taken, re-put, cancelled) */
  complete(job: ClaimedJob): Promise<'completed' | 'lost'>;
  /** releases the lease with a new dueAt and attempts + 1; 'lost' as for complete */
  retryLater(job: ClaimedJob, at: Date): Promise<'rescheduled' | 'lost'>;
}

/** the slot (partition) of a due time: its UTC hour */
export function slotOf(at: Date): string {
  return at.toISOString().slice(0, 13);
}
