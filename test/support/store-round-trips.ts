import { Item, Items } from '@azure/cosmos';
import sinon from 'sinon';

/** one store request, its start and end counted on one clock of events (no wall time: no flakiness) */
interface Span {
  readonly name: string;
  readonly start: number;
  end?: number;
}

/** what `during` saw: how many store requests, and the longest chain of them that had to wait in turn */
export interface RoundTrips {
  readonly requests: number;
  /**
   * the critical path: each request's depth is 1 + the largest depth among the requests that
   * completed before it started (so requests in flight together share a depth)
   */
  readonly depth: number;
  /** each request's operation and depth, in the order they started, for a failing assertion's message */
  readonly sequence: string;
}

const operations: [object, string][] = [
  [Item.prototype, 'read'],
  [Item.prototype, 'replace'],
  [Item.prototype, 'delete'],
  [Item.prototype, 'patch'],
  [Items.prototype, 'create'],
  [Items.prototype, 'upsert'],
  [Items.prototype, 'batch'],
];

/** the document a request is about, its uuids left out: `read prompt:…:afterHost:…` */
function labelOf(target: unknown, args: unknown[]): string {
  const id = (target as { id?: unknown }).id ?? (args[0] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…') : '';
}

/**
 * Each request's depth, in the order they started: 1 + the largest depth among the requests that
 * had completed (`end`) by the time it started (`start`), 1 if none had. Requests in flight together
 * share a depth; with a store further away every depth costs a round trip. The benchmark's proxy
 * counts the same way (bench/support/storage-proxy.ts).
 */
export function depths(spans: readonly { readonly start: number; readonly end?: number }[]): number[] {
  const out: number[] = [];
  spans.forEach((s, i) => {
    const waited = spans
      .slice(0, i)
      .map((before, j) => (before.end !== undefined && before.end <= s.start ? out[j]! : 0));
    out.push(1 + Math.max(0, ...waited));
  });
  return out;
}

/**
 * Wraps the Cosmos SDK's document operations in `sandbox`, so that `during(work)` tells how many
 * store round trips `work` (a whole turn through the bot, say) made one after another: what a
 * network hop to Cosmos DB adds to it once per depth. Queries are left out: the hot path has none
 * (see hot-path.test.ts), and the embedded store's snapshot queries run beside any turn.
 */
export function storeRoundTrips(sandbox: sinon.SinonSandbox): {
  during(work: () => Promise<unknown>): Promise<RoundTrips>;
} {
  let clock = 0;
  let spans: Span[] | undefined;
  for (const [proto, name] of operations) {
    const original = (proto as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    sandbox.replace(proto as Record<string, unknown>, name, function (this: unknown, ...args: unknown[]) {
      const span: Span = { name: `${name} ${labelOf(this, args)}`, start: ++clock };
      spans?.push(span);
      return original.apply(this, args).finally(() => (span.end = ++clock));
    });
  }
  return {
    async during(work) {
      spans = [];
      const seen = spans;
      try {
        await work();
      } finally {
        spans = undefined;
      }
      const d = depths(seen);
      return {
        requests: seen.length,
        depth: Math.max(0, ...d),
        sequence: seen.map((s, i) => `${s.name}@${d[i]}`).join(' '),
      };
    },
  };
}
