import { Clock } from '../domain/clock';
import { Logger } from '../log';
import { JobOutcomeName, Telemetry } from '../telemetry/telemetry';
import { DueBacklog } from './due-backlog';
import { ClaimedJob, Job, JobStore } from './jobs';

/** what a handler made of a job */
export type JobOutcome =
  | { readonly status: 'done' }
  /** not now: come back at `at` (quiet hours, a throttled send); counts as an attempt */
  | { readonly status: 'retry'; readonly at: Date }
  /** give up: recorded and deleted. `reason` is logged, so it must not quote what anyone wrote */
  | { readonly status: 'failed'; readonly reason: string };

/** does the work of one kind of job; should be idempotent, since a lease can expire mid-run */
export type JobHandler = (job: Job) => Promise<JobOutcome>;

export interface DispatchOptions {
  /** who holds the leases: unique per process (e.g. host name, pid and a random suffix) */
  readonly owner: string;
  /** how long a claimed job is ours; longer than any handler should take */
  readonly leaseMs: number;
  /** jobs claimed per tick, and run concurrently */
  readonly batch: number;
  /** the pause after a tick that found less than a full batch */
  readonly idleMs: number;
  /**
   * ticks the running loop keeps going at once (default 1). A tick lasts as long as its slowest job
   * (a send waiting for its tenant's rate limit, or out a Retry-After), and with one tick the rest of
   * the batch's room waits with it; with more, another tick claims and sends meanwhile. Claims are
   * still made one at a time, so the ticks of one process never race for the same jobs
   */
  readonly ticks?: number;
  readonly log: Logger;
  /** a handler that throws this many times, or a job abandoned by crashed instances this often, fails (default 5) */
  readonly maxAttempts?: number;
  /** the wait before retrying a handler that threw, by attempts so far (default 30 s doubling, capped at 1 h) */
  readonly backoffMs?: (attempts: number) => number;
  /** told about every job given up on, to record it where people can see it (a failure here is logged) */
  readonly onFailed?: (job: Job, reason: string) => Promise<void>;
  /** where each job run (kind, lag, outcome, span), lease takeovers and the backlog are measured */
  readonly telemetry: Telemetry;
}

export interface TickResult {
  readonly claimed: number;
  readonly done: number;
  readonly retried: number;
  readonly failed: number;
}

export function defaultBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** attempts, 3_600_000);
}

/** an error's kind without its message: messages can quote what was being sent */
function errorKind(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code;
  return code === undefined ? err.name : `${err.name} ${String(code)}`;
}

type Settled = 'done' | 'retried' | 'failed' | 'unsettled';

const measured: Record<JobOutcome['status'], JobOutcomeName> = {
  done: 'done',
  retry: 'retried',
  failed: 'failed',
};

/**
 * Claims due jobs and runs their handlers. Every decision reads the injected clock; the timer only
 * paces ticks. Any number of loops may share a store: claims are leases under ETags, so a job is
 * run by one of them at a time, and one whose holder died is claimed again once its lease expires.
 */
export class DispatchLoop {
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempts: number) => number;
  private readonly log: Logger;
  private readonly running = new Set<Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** the latest claim: the next one starts once it is done */
  private claims: Promise<unknown> = Promise.resolve();
  private started = false;
  /** when a tick last finished (injected clock), or the loop started */
  private lastTickAt = 0;
  /** claimed jobs not yet settled, by kind */
  private readonly held = new Map<string, number>();
  private readonly backlog: DueBacklog;
  private readonly telemetry: Telemetry;

  constructor(
    private readonly store: JobStore,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly clock: Clock,
    private readonly options: DispatchOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.log = options.log.child({ component: 'scheduler', owner: options.owner });
    this.telemetry = options.telemetry;
    this.backlog = new DueBacklog(
      (now) => store.countDue(now),
      clock,
      (count) => this.telemetry.backlogSeen(count),
      (err) => this.log.warn({ error: errorKind(err) }, 'could not count the due jobs'),
    );
  }

  /**
   * The started loop has finished no tick for max(5 × idleMs, 2 × leaseMs) of the injected clock
   * (2 min in production): every tick is stuck — a claim that never returns, or handlers that hang.
   * A healthy tick ends within its slowest job, which should finish within a lease (a send waiting
   * out one Retry-After, at most a minute, still does), and an idle one every idleMs plus a claim;
   * two leases leave room for one overrun before /readyz says so. Never while not started: whoever
   * calls tick() by hand (tests, benchmarks) decides when it runs.
   */
  stalled(): boolean {
    if (!this.started) return false;
    const { idleMs, leaseMs } = this.options;
    return this.clock.now().getTime() - this.lastTickAt > Math.max(5 * idleMs, 2 * leaseMs);
  }

  /** jobs of this kind this loop is running now: claimed, not yet settled */
  holding(kind: string): number {
    return this.held.get(kind) ?? 0;
  }

  /** one round: claim up to a batch of due jobs, run them, record each outcome */
  tick(): Promise<TickResult> {
    const run = this.runTick();
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  /**
   * ticks until stop(): at once again after a tick that claimed work, after idleMs once one claims
   * none. Not "after a full batch": instances sharing a store find the same due jobs and split them,
   * so a short claim does not mean the backlog is done, and pausing then left it to one instance.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.lastTickAt = this.clock.now().getTime();
    const after = (delay: number) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void loop();
      }, delay);
      this.timers.add(timer);
    };
    const loop = async (): Promise<void> => {
      let delay = this.options.idleMs;
      try {
        const result = await this.tick();
        if (result.claimed > 0) delay = 0;
      } catch (err) {
        this.log.error({ err }, 'scheduler tick failed; trying again');
      }
      if (this.started) after(delay);
    };
    for (let i = 0; i < (this.options.ticks ?? 1); i++) after(0);
  }

  /** stops ticking and waits for the tick in progress; unfinished jobs keep their lease until it expires */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private async runTick(): Promise<TickResult> {
    const { owner, leaseMs, batch } = this.options;
    const claim = this.claims.then(() => this.store.claimDue(this.clock.now(), owner, leaseMs, batch));
    this.claims = claim.catch(() => undefined);
    const claimed = await claim;
    const [settled] = await Promise.all([
      Promise.all(claimed.map((job) => this.dispatch(job))),
      this.backlog.claimed(claimed.length),
    ]);
    this.lastTickAt = this.clock.now().getTime();
    const count = (s: Settled) => settled.filter((x) => x === s).length;
    return {
      claimed: claimed.length,
      done: count('done'),
      retried: count('retried'),
      failed: count('failed'),
    };
  }

  /**
   * Runs one claimed job in a span of its own and measures it: how late it started against its
   * dueAt, and what its handler made of it (even when the store then fails to record that: it ran).
   * Kinds are the handlers' names; a stored kind nobody handles is measured as `unknown`.
   */
  private dispatch(job: ClaimedJob): Promise<Settled> {
    const kind = Object.hasOwn(this.handlers, job.kind) ? job.kind : 'unknown';
    const startedAt = this.clock.now().getTime();
    if (job.reclaimed) this.telemetry.leaseTakeover(kind);
    this.held.set(job.kind, this.holding(job.kind) + 1);
    return this.telemetry
      .span('job', { kind }, async () => {
        const lease = this.holdLease(job);
        try {
          const outcome = await this.decide(job);
          this.telemetry.jobRan(kind, startedAt - Date.parse(job.dueAt), measured[outcome.status]);
          return await this.settle(await lease.release(), outcome);
        } catch (err) {
          await lease.release();
          // the store failed us: the lease runs out and the job is claimed again
          this.log.error(
            { id: job.id, kind: job.kind, error: errorKind(err) },
            'could not record a job outcome',
          );
          return 'unsettled' as const;
        }
      })
      .finally(() => this.held.set(job.kind, this.holding(job.kind) - 1));
  }

  /**
   * Renews a job's lease every third of leaseMs while its handler runs. A handler may rightly take
   * longer than the lease (a send waiting out Teams' Retry-After, retried after a timeout); if the
   * lease ran out meanwhile, another instance would claim the job and run it too, sending the card
   * twice. Renewal stops when this process does, so a crashed holder's jobs are still taken over
   * once their lease expires. `release` stops renewing and gives the job as last renewed (its etag
   * is what complete and retryLater must present).
   */
  private holdLease(job: ClaimedJob): { release(): Promise<ClaimedJob> } {
    let current = job;
    let renewing = Promise.resolve();
    const renew = async () => {
      const until = new Date(this.clock.now().getTime() + this.options.leaseMs);
      const renewed = await this.store.renew(current, until).catch((err: unknown) => {
        // the store failed us: try again at the next renewal, while the lease still lasts
        this.log.warn({ id: job.id, kind: job.kind, error: errorKind(err) }, 'could not renew a lease');
        return current;
      });
      if (renewed === 'lost') {
        clearInterval(timer);
        this.log.warn({ id: job.id, kind: job.kind }, 'lease lost while the job was running');
      } else current = renewed;
    };
    const timer = setInterval(() => (renewing = renewing.then(renew)), this.options.leaseMs / 3);
    timer.unref();
    return {
      release: async () => {
        clearInterval(timer);
        await renewing;
        return current;
      },
    };
  }

  private async decide(job: ClaimedJob): Promise<JobOutcome> {
    if (job.reclaimed && job.attempts >= this.maxAttempts)
      return {
        status: 'failed',
        reason: `abandoned mid-run by its holder, after ${job.attempts} attempts`,
      };
    const handler = Object.hasOwn(this.handlers, job.kind) ? this.handlers[job.kind] : undefined;
    if (!handler) return { status: 'failed', reason: `no handler for kind ${job.kind}` };
    try {
      return await handler(job);
    } catch (err) {
      const attempts = job.attempts + 1;
      this.log.warn({ id: job.id, kind: job.kind, attempts, error: errorKind(err) }, 'job handler threw');
      if (attempts >= this.maxAttempts)
        return { status: 'failed', reason: `handler threw ${attempts} times (last: ${errorKind(err)})` };
      return { status: 'retry', at: new Date(this.clock.now().getTime() + this.backoffMs(job.attempts)) };
    }
  }

  private async settle(job: ClaimedJob, outcome: JobOutcome): Promise<Settled> {
    const about = { id: job.id, kind: job.kind, attempts: job.attempts };
    switch (outcome.status) {
      case 'done': {
        if ((await this.store.complete(job)) === 'lost')
          this.log.warn(about, 'job done, but it was no longer ours');
        return 'done';
      }
      case 'retry': {
        if ((await this.store.retryLater(job, outcome.at)) === 'lost')
          this.log.warn(about, 'job to be retried, but it was no longer ours');
        return 'retried';
      }
      case 'failed': {
        this.log.warn({ ...about, reason: outcome.reason }, 'gave up on a job');
        if (this.options.onFailed)
          await this.options
            .onFailed(job, outcome.reason)
            .catch((err: unknown) =>
              this.log.error({ ...about, error: errorKind(err) }, 'could not record a failed job'),
            );
        await this.store.complete(job);
        return 'failed';
      }
    }
  }
}
