/**
 * Counts what the @azure/cosmos SDK asks of the store, at the wire: a pass-through HTTP proxy in
 * front of the embedded Cosmos DB server (the same idea as test/support/fault-proxy.ts, without the
 * faults). Every request is classified by method, path and the SDK's query/upsert headers, and
 * booked to the phase the harness has set (an inbound turn, a scheduler tick, …), with when it
 * arrived and when its answer had been sent back. `delayMs` holds every request back before passing
 * it on, as a store in another building would (a round trip within an Azure region is ~2 ms).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { forward } from '../../test/support/forward';
import { depths as depthsOf } from '../../test/support/store-round-trips';

/**
 * - read: a point read (GET of one document by id and partition key; 1 RU per KB in Azure)
 * - write: create, upsert, replace, patch or delete of one document (~5–10 RU)
 * - query: a SQL query, or a read feed of a whole container or partition (cost grows with what it reads)
 * - metadata: what the SDK asks for itself: query plans, database, container and partition-key-range reads
 */
export type RequestKind = 'read' | 'write' | 'query' | 'metadata';

export const requestKinds: readonly RequestKind[] = ['read', 'write', 'query', 'metadata'];

export interface CountedRequest {
  readonly phase: string;
  readonly kind: RequestKind;
  readonly method: string;
  /** the container (`colls/<id>`), if any */
  readonly container?: string;
  /** for a query: its SQL text; for a read feed: `(read feed)` */
  readonly sql?: string;
  /** for a query: whether the SDK sent it across partitions */
  readonly crossPartition?: boolean;
  /** for a point read or write of one document: its id */
  readonly id?: string;
  /** when the request reached the proxy (performance.now(), ms) */
  readonly startedMs: number;
  /** when its answer had all been handed back to the SDK; undefined while under way */
  endedMs?: number;
}

const truthy = (v: string | string[] | undefined) => String(v ?? '').toLowerCase() === 'true';

const isQueryBody = (req: http.IncomingMessage) =>
  truthy(req.headers['x-ms-documentdb-isquery']) ||
  String(req.headers['content-type'] ?? '').startsWith('application/query+json');

function classify(req: http.IncomingMessage): {
  kind: RequestKind;
  container?: string;
  id?: string;
  feed: boolean;
} {
  const segments = new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean);
  // /dbs/{db}/colls/{coll}/docs[/{id}]
  const container = segments[2] === 'colls' ? segments[3] : undefined;
  const isDocs = segments[4] === 'docs';
  const query = isQueryBody(req);
  // the SDK asks the gateway for a query plan before running a query: a round trip, but no RU in Azure
  if (isDocs && query && truthy(req.headers['x-ms-cosmos-is-query-plan-request']))
    return { kind: 'metadata', container, feed: false };
  if (isDocs && query) return { kind: 'query', container, feed: false };
  if (isDocs && segments.length === 6)
    return {
      kind: req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write',
      container,
      id: decodeURIComponent(segments[5]!),
      feed: false,
    };
  if (isDocs && segments.length === 5) {
    if (req.method === 'GET') return { kind: 'query', container, feed: true };
    return { kind: 'write', container, feed: false };
  }
  return { kind: 'metadata', container, feed: false };
}

export class CountingProxy {
  private server: http.Server | undefined;
  private readonly agent = new http.Agent({ keepAlive: true });
  /** what requests are booked to from now on */
  phase = 'setup';
  /** how long every request is held back before it is passed on, from now on */
  delayMs = 0;
  readonly requests: CountedRequest[] = [];

  constructor(private readonly target: string) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const target = new URL(this.target);
    this.server = http.createServer((req, res) => {
      const startedMs = performance.now();
      const phase = this.phase;
      const { kind, container, id, feed } = classify(req);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        let sql: string | undefined = feed ? '(read feed)' : undefined;
        if (isQueryBody(req) && !feed) {
          try {
            sql = String((JSON.parse(body.toString()) as { query?: unknown }).query);
          } catch {
            sql = '(unreadable)';
          }
          if (truthy(req.headers['x-ms-cosmos-is-query-plan-request'])) sql = `(query plan) ${sql}`;
        }
        const counted: CountedRequest = {
          phase,
          kind,
          method: req.method ?? '',
          ...(container ? { container } : {}),
          ...(sql ? { sql } : {}),
          ...(kind === 'query'
            ? { crossPartition: req.headers['x-ms-documentdb-partitionkey'] === undefined }
            : {}),
          ...(id ? { id } : {}),
          startedMs,
        };
        this.requests.push(counted);
        res.on('finish', () => (counted.endedMs = performance.now()));
        if (this.delayMs > 0) setTimeout(() => forward(req, res, target, this.agent, body), this.delayMs);
        else forward(req, res, target, this.agent, body);
      });
    });
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
  }

  /** requests booked to phases that pass the filter */
  where(phase: (p: string) => boolean): CountedRequest[] {
    return this.requests.filter((r) => phase(r.phase));
  }

  /** forgets every request counted so far */
  reset(): void {
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    if (!this.server) return;
    await new Promise<void>((resolve) => {
      this.server!.close(() => resolve());
      this.server!.closeAllConnections();
    });
  }
}

/** requests by kind */
export function byKind(requests: readonly CountedRequest[]): Record<RequestKind, number> {
  const out = { read: 0, write: 0, query: 0, metadata: 0 };
  for (const r of requests) out[r.kind]++;
  return out;
}

/** the distinct queries among the requests, with how often each ran, most frequent first */
export function distinctQueries(requests: readonly CountedRequest[]): { sql: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of requests) {
    if (r.kind !== 'query') continue;
    const key = `${r.container ?? '?'}${r.crossPartition ? ' (cross-partition)' : ''}: ${r.sql ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([sql, count]) => ({ sql, count })).sort((a, b) => b.count - a.count);
}

/**
 * How many requests each one had to wait for, one after another (of the same caller, in the order
 * they arrived): counted as the tests count them (test/support/store-round-trips.ts).
 */
export function depths(requests: readonly CountedRequest[]): number[] {
  return depthsOf(requests.map((r) => ({ start: r.startedMs, end: r.endedMs })));
}

/** what a request was for, briefly: `read cycles prompt(afterHost)`, `write people`, `query schedule` */
function described(r: CountedRequest): string {
  const [prefix, , kind] = (r.id ?? '').split(':');
  const doc = !r.id
    ? ''
    : prefix === 'prompt'
      ? ` prompt(${kind})`
      : r.id.includes(':')
        ? ` ${prefix}`
        : ' (by id)';
  return `${r.kind} ${r.container ?? ''}${doc}`.trimEnd();
}

/** the requests in order, grouped by depth: `1 read people (by id) · 2 read cycles prompt(afterHost) ∥ …` */
export function sequence(requests: readonly CountedRequest[]): string {
  const d = depths(requests);
  const levels = new Map<number, string[]>();
  requests.forEach((r, i) => levels.set(d[i]!, [...(levels.get(d[i]!) ?? []), described(r)]));
  return [...levels].map(([depth, what]) => `${depth} ${what.join(' ∥ ')}`).join(' · ');
}

/** the store round trips on the critical path of these requests: their largest depth (0 for none) */
export const roundTrips = (requests: readonly CountedRequest[]): number => Math.max(0, ...depths(requests));
