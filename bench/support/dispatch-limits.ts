/**
 * Teams' sending limits, enforced the way the service does: a send over any window is answered 429
 * with a Retry-After, and does not count. Per bot per conversation as published (7 per second,
 * 8 per 2 s, 60 per 30 s, 1800 per hour); per tenant at a rate the benchmark chooses. Every attempt
 * is recorded with the time this process saw it.
 */
import { performance } from 'node:perf_hooks';

export interface Limit {
  readonly count: number;
  readonly perMs: number;
}

export const perConversation: readonly Limit[] = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
  { count: 1_800, perMs: 3_600_000 },
];

/** one POST of an activity, as the connector judged it */
export interface Attempt {
  /** ms (performance.now() of this process) */
  readonly at: number;
  readonly conversationId: string;
  readonly tenantId: string;
  readonly accepted: boolean;
}

/** accepted sends in one sliding window, oldest first */
class Window {
  private readonly starts: number[] = [];
  private head = 0;
  constructor(private readonly limit: Limit) {}

  /** ms until one more send fits (0: it fits now) */
  wait(now: number): number {
    while (this.head < this.starts.length && this.starts[this.head]! + this.limit.perMs <= now) this.head++;
    const inWindow = this.starts.length - this.head;
    if (inWindow < this.limit.count) return 0;
    return this.starts[this.starts.length - this.limit.count]! + this.limit.perMs - now;
  }

  record(at: number): void {
    this.starts.push(at);
  }
}

export class TeamsLimits {
  readonly attempts: Attempt[] = [];
  private readonly conversations = new Map<string, Window[]>();
  private readonly tenants = new Map<string, Window>();

  /** `tenantRate`: sends per second allowed per tenant */
  constructor(readonly tenantRate: number) {}

  /** the gate for LocalConnector: undefined lets the send through, a number is its Retry-After (s) */
  readonly gate = (conversationId: string, activity: Record<string, unknown>): number | undefined => {
    const now = performance.now();
    const tenantId = String((activity.conversation as { tenantId?: string } | undefined)?.tenantId ?? '');
    let conversation = this.conversations.get(conversationId);
    if (!conversation)
      this.conversations.set(conversationId, (conversation = perConversation.map((l) => new Window(l))));
    let tenant = this.tenants.get(tenantId);
    if (!tenant) this.tenants.set(tenantId, (tenant = new Window({ count: this.tenantRate, perMs: 1_000 })));
    const windows = [...conversation, tenant];
    const wait = Math.max(...windows.map((w) => w.wait(now)));
    this.attempts.push({ at: now, conversationId, tenantId, accepted: wait === 0 });
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    for (const w of windows) w.record(now);
    return undefined;
  };
}

/** what one variant achieved against the limits */
export interface Achieved {
  readonly attempts: number;
  readonly accepted: number;
  readonly throttled: number;
  /** accepted sends per second, from the first attempt to the last accepted send */
  readonly perSecond: number;
  readonly spanMs: number;
  /** the busiest tenant's accepted sends in its busiest second (never above the limit, by construction) */
  readonly tenants: number;
}

export function achieved(attempts: readonly Attempt[]): Achieved {
  const accepted = attempts.filter((a) => a.accepted);
  const first = attempts[0]?.at ?? 0;
  const last = accepted.at(-1)?.at ?? first;
  const spanMs = last - first;
  return {
    attempts: attempts.length,
    accepted: accepted.length,
    throttled: attempts.length - accepted.length,
    perSecond: spanMs > 0 ? (accepted.length * 1000) / spanMs : 0,
    spanMs,
    tenants: new Set(attempts.map((a) => a.tenantId)).size,
  };
}
