import { Clock } from '../domain/clock';

/** at most `count` sends start in any span of `perMs` milliseconds */
export interface RateWindow {
  /** sends allowed in one window */
  readonly count: number;
  /** the window's length in milliseconds */
  readonly perMs: number;
}

/** what the Messenger needs from a limiter: a gate before each attempt, and a way to report throttling */
export interface SendLimiter {
  /** resolves when a send to this conversation may start, and counts it; says when it was counted */
  acquire(conversationId: string, tenantId: string): Promise<number | void>;
  /**
   * the send counted at `startedAt` has been answered (or given up): from now on it counts as sent
   * now. Teams stamps a send when it arrives, which can be any time until the answer; counted from
   * its answer, no window can ever hold more at Teams than here, however the sends were delayed
   */
  settled?(conversationId: string, tenantId: string, startedAt: number): void;
  /** nobody in this tenant starts a send for the next `ms` milliseconds */
  backOff(tenantId: string, ms: number): void;
}

export interface RateLimiterOptions {
  /** windows every conversation keeps within (default: Teams' per bot per conversation limits) */
  readonly perConversation?: readonly RateWindow[];
  /** the window every tenant keeps within (default: about 30 per second per app per tenant) */
  readonly perTenant?: RateWindow;
  /** where the current time comes from */
  readonly clock: Clock;
  /** waits; injected so tests run instantly on a fake clock */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Teams' published sending limits for bots (Microsoft Learn, "Rate limiting for bots"); Microsoft says they may change */
export const teamsLimits: {
  readonly perConversation: readonly RateWindow[];
  readonly perTenant: RateWindow;
} = Object.freeze({
  perConversation: Object.freeze([
    { count: 7, perMs: 1_000 },
    { count: 8, perMs: 2_000 },
    { count: 60, perMs: 30_000 },
    { count: 1_800, perMs: 3_600_000 },
  ]),
  perTenant: { count: 30, perMs: 1_000 },
});

/**
 * One instance's share of the per-tenant limit when `instances` copies of the bot send for the same
 * tenant: each limiter counts only its own sends, so together they stay within Teams' limit.
 */
export function tenantShare(instances: number): RateWindow {
  const { count, perMs } = teamsLimits.perTenant;
  return { count: Math.max(1, Math.floor(count / Math.max(1, instances))), perMs };
}

/**
 * A window with few sends keeps each start time and is exact. A window with more (the hour's 1800)
 * would hold up to that many numbers per conversation, so it keeps at most `buckets` counters, each
 * with the time of its latest send: every send in a bucket is treated as if it happened then, so the
 * limit is never exceeded, and a send may wait at most perMs / buckets longer than it strictly must
 * (one minute for the hour window).
 */
const exactUpTo = 100;
const buckets = 60;

/** how often idle conversations and tenants are forgotten; a sweep is one pass over the maps */
const sweepEveryMs = 10_000;

/** one sliding window's bookkeeping */
export interface Window {
  /** the earliest time at or after `now` when one more send fits */
  earliest(now: number): number;
  record(at: number): void;
  /** true when nothing recorded can still matter at `now` */
  empty(now: number): boolean;
  /** moves a send recorded at `from` to `to` (later); one already forgotten is recorded at `to` */
  restamp?(from: number, to: number): void;
}

class ExactWindow implements Window {
  private readonly starts: number[] = [];
  constructor(private readonly limit: RateWindow) {}

  earliest(now: number): number {
    this.prune(now);
    const { count, perMs } = this.limit;
    if (this.starts.length < count) return now;
    // the send `count` places back must leave the window first
    return this.starts[this.starts.length - count]! + perMs;
  }

  record(at: number): void {
    this.starts.push(at);
  }

  restamp(from: number, to: number): void {
    const i = this.starts.lastIndexOf(from);
    if (i >= 0) this.starts.splice(i, 1);
    // kept in order: `earliest` reads the send `count` places back
    let j = this.starts.length;
    while (j > 0 && this.starts[j - 1]! > to) j--;
    this.starts.splice(j, 0, to);
  }

  empty(now: number): boolean {
    this.prune(now);
    return this.starts.length === 0;
  }

  private prune(now: number): void {
    // a send at t occupies [t, t + perMs)
    while (this.starts.length > 0 && this.starts[0]! + this.limit.perMs <= now) this.starts.shift();
  }
}

class BucketWindow implements Window {
  private readonly bucketMs: number;
  /** oldest first; `last` is the latest send in the bucket, `sends` how many it holds */
  private readonly slots: { readonly start: number; last: number; sends: number }[] = [];
  private total = 0;

  constructor(private readonly limit: RateWindow) {
    this.bucketMs = Math.max(1, Math.ceil(limit.perMs / buckets));
  }

  earliest(now: number): number {
    this.prune(now);
    let excess = this.total - this.limit.count + 1;
    if (excess <= 0) return now;
    for (const slot of this.slots) {
      excess -= slot.sends;
      if (excess <= 0) return slot.last + this.limit.perMs;
    }
    return now; // unreachable: the slots hold `total` sends
  }

  record(at: number): void {
    const start = Math.floor(at / this.bucketMs) * this.bucketMs;
    const newest = this.slots[this.slots.length - 1];
    if (newest && newest.start === start) {
      newest.sends++;
      newest.last = Math.max(newest.last, at);
    } else {
      this.slots.push({ start, last: at, sends: 1 });
    }
    this.total++;
  }

  empty(now: number): boolean {
    this.prune(now);
    return this.total === 0;
  }

  private prune(now: number): void {
    while (this.slots.length > 0 && this.slots[0]!.last + this.limit.perMs <= now) {
      this.total -= this.slots.shift()!.sends;
    }
  }
}

export function windowFor(limit: RateWindow): Window {
  return limit.count <= exactUpTo ? new ExactWindow(limit) : new BucketWindow(limit);
}

/** a FIFO of waiters: each runs when the one before it has finished */
interface Queue {
  tail: Promise<void>;
  /** waiters queued or running; a state with waiters is never forgotten */
  waiting: number;
}

interface ConversationState extends Queue {
  readonly windows: Window[];
}

interface TenantState extends Queue {
  readonly window: Window;
  /** nobody in the tenant starts before this time (ms since the epoch) */
  blockedUntil: number;
}

export function check(limit: RateWindow, name: string): RateWindow {
  if (!Number.isInteger(limit.count) || limit.count < 1) {
    throw new RangeError(`${name}: count must be a whole number of sends, 1 or more (got ${limit.count}).`);
  }
  if (!Number.isFinite(limit.perMs) || limit.perMs <= 0) {
    throw new RangeError(`${name}: perMs must be a positive number of milliseconds (got ${limit.perMs}).`);
  }
  return Object.freeze({ count: limit.count, perMs: limit.perMs });
}

/**
 * Keeps proactive sends within Teams' limits: several sliding windows per conversation, one per
 * tenant, and a tenant-wide pause after a 429 (throttling backs everyone off, as in Company
 * Communicator).
 *
 * A send first waits its turn in its conversation (first come, first served), until every window
 * of that conversation has room; then it queues in its tenant, until the tenant window has room and
 * any back-off is over. Only the head of each queue sleeps, so thousands of conversations waiting
 * for their tenant cost one timer, not one each. While a send waits in its tenant, no other send of its
 * conversation can start, so its conversation windows can only gain room.
 *
 * Memory: a conversation is forgotten once none of its windows holds a send and nobody is waiting
 * on it; a tenant likewise, once its back-off has passed. The hour window lasts an hour, so a
 * conversation that sent once is kept for an hour, but in at most 60 counters (see `exactUpTo`),
 * whatever its traffic.
 */
export class RateLimiter implements SendLimiter {
  private readonly perConversation: readonly RateWindow[];
  private readonly perTenant: RateWindow;
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly conversations = new Map<string, ConversationState>();
  private readonly tenants = new Map<string, TenantState>();
  private lastSweep = -Infinity;

  constructor(options: RateLimiterOptions) {
    this.perConversation = Object.freeze(
      (options.perConversation ?? teamsLimits.perConversation).map((w, i) =>
        check(w, `perConversation[${i}]`),
      ),
    );
    this.perTenant = check(options.perTenant ?? teamsLimits.perTenant, 'perTenant');
    this.clock = options.clock;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async acquire(conversationId: string, tenantId: string): Promise<number> {
    const now = this.now();
    if (now - this.lastSweep >= sweepEveryMs) this.sweep(now);

    const conversation = this.conversationState(conversationId);
    let counted = now;
    await this.enqueue(conversation, async () => {
      await this.waitUntil(() => Math.max(...conversation.windows.map((w) => w.earliest(this.now()))));
      const tenant = this.tenantState(tenantId);
      await this.enqueue(tenant, async () => {
        await this.waitUntil(() => Math.max(tenant.window.earliest(this.now()), tenant.blockedUntil));
        const at = this.now();
        tenant.window.record(at);
        for (const w of conversation.windows) w.record(at);
        counted = at;
      });
    });
    return counted;
  }

  settled(conversationId: string, tenantId: string, startedAt: number): void {
    const now = this.now();
    if (!(now > startedAt)) return;
    // the hour's bucketed window is left as it is: a send's time in flight is lost in its minute
    this.tenantState(tenantId).window.restamp?.(startedAt, now);
    for (const w of this.conversationState(conversationId).windows) w.restamp?.(startedAt, now);
  }

  backOff(tenantId: string, ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    const tenant = this.tenantState(tenantId);
    tenant.blockedUntil = Math.max(tenant.blockedUntil, this.now() + ms);
  }

  /** how many conversations still have history kept; idle ones are forgotten first (for tests and benchmarks) */
  size(): number {
    this.sweep(this.now());
    return this.conversations.size;
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  /** sleeps until `ready()` (a time) is not in the future; rechecks, since a back-off may have moved it */
  private async waitUntil(ready: () => number): Promise<void> {
    for (;;) {
      const wait = ready() - this.now();
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }

  private async enqueue(queue: Queue, work: () => Promise<void>): Promise<void> {
    queue.waiting++;
    const turn = queue.tail.then(work);
    queue.tail = turn.catch(() => undefined);
    try {
      await turn;
    } finally {
      queue.waiting--;
    }
  }

  private conversationState(id: string): ConversationState {
    let state = this.conversations.get(id);
    if (!state) {
      state = { tail: Promise.resolve(), waiting: 0, windows: this.perConversation.map(windowFor) };
      this.conversations.set(id, state);
    }
    return state;
  }

  private tenantState(id: string): TenantState {
    let state = this.tenants.get(id);
    if (!state) {
      state = { tail: Promise.resolve(), waiting: 0, window: windowFor(this.perTenant), blockedUntil: 0 };
      this.tenants.set(id, state);
    }
    return state;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, state] of this.conversations) {
      if (state.waiting === 0 && state.windows.every((w) => w.empty(now))) this.conversations.delete(id);
    }
    for (const [id, state] of this.tenants) {
      if (state.waiting === 0 && state.blockedUntil <= now && state.window.empty(now))
        this.tenants.delete(id);
    }
  }
}
