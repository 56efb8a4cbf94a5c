import { Clock } from '../domain/clock';

/** the least time between two counts of the backlog, per instance */
export const backlogCountEveryMs = 60_000;

/**
 * Keeps the backlog figure (jobs due and not yet run) without a store request per tick. A claim that
 * took nothing leaves nothing due for this instance: the backlog is 0, at no cost — the idle tick,
 * the common one, stays one query. A claim that took something may have left more: then the jobs
 * still due are counted (one aggregate query), at most once a minute, beside the jobs just claimed;
 * between counts the last one stands. Not "only after a full batch": instances sharing a store race
 * for the same oldest jobs, so each may take less than a batch from a backlog of thousands.
 *
 * The count runs here, with the ticks, and not in the metrics callback: collecting metrics must never
 * wait on, or add to, the store.
 */
export class DueBacklog {
  private countedAt = -Infinity;
  /** claims seen, and the last one that took nothing: a count started before it is out of date */
  private claims = 0;
  private lastEmpty = 0;

  constructor(
    private readonly countDue: (now: Date) => Promise<number>,
    private readonly clock: Clock,
    private readonly seen: (count: number) => void,
    /** a count that failed: the figure stays as it was, the next claim may try again */
    private readonly failed: (err: unknown) => void,
  ) {}

  /** told about every claim: how many jobs it took; resolves once any count it started is done */
  async claimed(took: number): Promise<void> {
    const claim = ++this.claims;
    if (took === 0) {
      this.lastEmpty = claim;
      return this.seen(0);
    }
    const now = this.clock.now();
    if (now.getTime() - this.countedAt < backlogCountEveryMs) return;
    this.countedAt = now.getTime();
    try {
      const count = await this.countDue(now);
      if (this.lastEmpty < claim) this.seen(count);
    } catch (err) {
      this.failed(err);
    }
  }
}
