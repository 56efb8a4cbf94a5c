import { randomUUID } from 'node:crypto';
import { Container, SqlQuerySpec } from '@azure/cosmos';
import { Clock } from '../domain/clock';
import { Versioned } from '../domain/ports';
import { ClaimedJob, Job, JobSpec, JobStore, slotOf } from '../scheduler/jobs';
import { CosmosStore } from './cosmos-store';
import { CosmosCollection, stripSystemFields } from './cosmos-collection';
import { retryTransient } from './transient';

/** the partition that holds one pointer per pending job id */
export const pointerPartition = '_index';

/** says which slot holds a job's current document; see src/scheduler/jobs.ts for why */
export interface JobPointer {
  readonly type: 'job-pointer';
  readonly id: string;
  readonly slot: typeof pointerPartition;
  /** the slot of the job's current document */
  readonly at: string;
  /** the revision of that document */
  readonly rev: string;
}

export interface CosmosJobStoreOptions {
  /**
   * a job document the pointer does not point at is either a put in progress (its pointer is being
   * written) or left over from a put or cancel that crashed half-way; it is removed by a claim once
   * it is this old
   */
  readonly orphanGraceMs?: number;
}

const conflictRetries = 8;

/** due at @now and held by nobody (or by a lease that ran out): what a claim may take */
const claimable = 'c.type = @type AND c.dueAt <= @now AND (NOT IS_DEFINED(c.lease) OR c.lease.until <= @now)';
const claimableParameters = (now: string) => [
  { name: '@type', value: 'job' },
  { name: '@now', value: now },
];

/**
 * Finding due work: one cross-partition query on dueAt, oldest first, TOP limit.
 *
 * Why not one query per recent slot: that needs a look-back window (work older than it — after an
 * outage, or a job retried into a later hour — would be stranded) and costs a query per slot per
 * tick even when nothing is due. The dueAt query is served by the range index: it reads only index
 * entries with dueAt <= now, and since finished jobs are deleted those are the due and in-flight
 * jobs, never history. In Azure the fan-out is per physical partition (one for a container this
 * size), so each tick costs a few RU plus ~1 RU per document returned, whether the product holds a
 * hundred observations or a million. Everything else is point operations (1 RU read, ~5–10 RU write).
 * The storage benchmark (bench/sections/storage.ts) measures the cost per tick.
 */
const claimQuery = (now: string, limit: number): SqlQuerySpec => ({
  query: `SELECT TOP @limit * FROM c WHERE ${claimable} ORDER BY c.dueAt`,
  parameters: [{ name: '@limit', value: limit }, ...claimableParameters(now)],
});

/** how many jobs a claim at `now` could take: the same index range as the claim, counted */
const countQuery = (now: string): SqlQuerySpec => ({
  query: `SELECT VALUE COUNT(1) FROM c WHERE ${claimable}`,
  parameters: claimableParameters(now),
});

/** Cosmos DB's rules for ids, checked here so that a bad id fails at put, not at a later claim */
function checkId(id: string): void {
  if (!id || id.length > 255 || /[/\\?#]/.test(id))
    throw new Error(`not a usable job id: ${JSON.stringify(id)}`);
}

/** the stored fields of a job, without what a claim adds */
function jobDoc(job: Job): Job {
  const { type, id, slot, rev, kind, dueAt, payload, lease, attempts, createdAt } = job;
  return { type, id, slot, rev, kind, dueAt, payload, ...(lease ? { lease } : {}), attempts, createdAt };
}

/** the scheduler's jobs in the `schedule` container (partition key /slot) */
export class CosmosJobStore implements JobStore {
  private readonly orphanGraceMs: number;

  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
    options: CosmosJobStoreOptions = {},
  ) {
    this.orphanGraceMs = options.orphanGraceMs ?? 10 * 60_000;
    this.jobs = new CosmosCollection<Job>(container, 'job', 'slot');
    this.pointers = new CosmosCollection<JobPointer>(container, 'job-pointer', 'slot');
  }

  private readonly jobs: CosmosCollection<Job>;
  private readonly pointers: CosmosCollection<JobPointer>;

  async put(spec: JobSpec): Promise<void> {
    checkId(spec.id);
    if (Number.isNaN(spec.dueAt.getTime())) throw new Error(`job ${spec.id} has no valid dueAt`);
    const slot = slotOf(spec.dueAt);
    for (let attempt = 0; attempt < conflictRetries; attempt++) {
      const pointer = await this.readPointer(spec.id);
      const doc: Job = {
        type: 'job',
        id: spec.id,
        slot,
        rev: randomUUID(),
        kind: spec.kind,
        dueAt: spec.dueAt.toISOString(),
        payload: { ...spec.payload },
        attempts: 0,
        createdAt: this.clock.now().toISOString(),
      };
      // document first, pointer second (the commit), old document last: see src/scheduler/jobs.ts
      await retryTransient(() => this.container.items.upsert(doc));
      const next: JobPointer = {
        type: 'job-pointer',
        id: spec.id,
        slot: pointerPartition,
        at: slot,
        rev: doc.rev,
      };
      const committed = pointer
        ? typeof (await this.replaceIfMatch(next, pointer.etag)) === 'object'
        : (await this.create(next)) === 'created';
      // another put or a cancel of this id went first: write ours again on top of theirs
      if (!committed) continue;
      if (pointer && pointer.doc.at !== slot) await this.remove(spec.id, pointer.doc.at);
      return;
    }
    throw new Error(`gave up scheduling job ${spec.id} after ${conflictRetries} concurrent changes`);
  }

  async cancel(id: string): Promise<'cancelled' | 'missing'> {
    checkId(id);
    for (let attempt = 0; attempt < conflictRetries; attempt++) {
      const pointer = await this.readPointer(id);
      if (!pointer) return 'missing';
      // pointer first: from here on the document can never run, even if we stop before removing it
      const removed = await this.remove(id, pointerPartition, pointer.etag);
      if (removed === 'conflict') continue;
      if (removed === 'missing') return 'missing';
      await this.remove(id, pointer.doc.at);
      return 'cancelled';
    }
    throw new Error(`gave up cancelling job ${id} after ${conflictRetries} concurrent changes`);
  }

  async get(id: string): Promise<Job | undefined> {
    checkId(id);
    const pointer = await this.readPointer(id);
    if (!pointer) return undefined;
    const found = await this.read(id, pointer.doc.at);
    return found?.doc.type === 'job' ? found.doc : undefined;
  }

  async claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<ClaimedJob[]> {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`claim limit must be a positive integer: ${limit}`);
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const { resources } = await retryTransient(() =>
      this.container.items.query<Record<string, unknown>>(claimQuery(nowIso, limit)).fetchAll(),
    );
    const claims = await Promise.all(
      resources.map(async (raw): Promise<ClaimedJob | undefined> => {
        const found = stripSystemFields<Job>(raw);
        const etag = String(raw._etag);
        const pointer = await this.readPointer(found.id);
        if (!pointer || pointer.doc.at !== found.slot) {
          if (Date.parse(found.createdAt) + this.orphanGraceMs <= now.getTime())
            await this.remove(found.id, found.slot, etag);
          return undefined;
        }
        // a lease still on a due job means its holder crashed or overran: that try counts
        const reclaimed = found.lease !== undefined;
        const claimed: Job = {
          ...jobDoc(found),
          lease: { owner, until },
          attempts: found.attempts + (reclaimed ? 1 : 0),
        };
        const replaced = await this.replaceIfMatch(claimed, etag);
        if (typeof replaced !== 'object') return undefined;
        return { ...claimed, lease: { owner, until }, etag: replaced.etag, reclaimed };
      }),
    );
    return claims.filter((c): c is ClaimedJob => c !== undefined);
  }

  async countDue(now: Date): Promise<number> {
    const { resources } = await retryTransient(() =>
      this.container.items.query<number>(countQuery(now.toISOString())).fetchAll(),
    );
    return resources[0] ?? 0;
  }

  async renew(job: ClaimedJob, until: Date): Promise<ClaimedJob | 'lost'> {
    if (Number.isNaN(until.getTime())) throw new Error(`job ${job.id}: lease end is not a valid date`);
    const lease = { owner: job.lease.owner, until: until.toISOString() };
    const replaced = await this.replaceIfMatch({ ...jobDoc(job), lease }, job.etag);
    return typeof replaced === 'object' ? { ...job, lease, etag: replaced.etag } : 'lost';
  }

  async complete(job: ClaimedJob): Promise<'completed' | 'lost'> {
    // the document first, under our etag: that proves the job was still ours
    const removed = await this.remove(job.id, job.slot, job.etag);
    if (removed !== 'removed') return 'lost';
    // then the pointer, unless a put has since scheduled this id again (a new revision)
    const pointer = await this.readPointer(job.id);
    if (pointer && pointer.doc.rev === job.rev) await this.remove(job.id, pointerPartition, pointer.etag);
    return 'completed';
  }

  async retryLater(job: ClaimedJob, at: Date): Promise<'rescheduled' | 'lost'> {
    if (Number.isNaN(at.getTime())) throw new Error(`job ${job.id}: retry time is not a valid date`);
    const { lease: _released, ...rest } = jobDoc(job);
    const next: Job = { ...rest, dueAt: at.toISOString(), attempts: job.attempts + 1 };
    const replaced = await this.replaceIfMatch(next, job.etag);
    return typeof replaced === 'object' ? 'rescheduled' : 'lost';
  }

  private readPointer(id: string): Promise<Versioned<JobPointer> | undefined> {
    return this.pointers.read(id, pointerPartition);
  }

  private read(id: string, partition: string): Promise<Versioned<Job> | undefined> {
    return this.jobs.read(id, partition);
  }

  private create(doc: JobPointer): Promise<'created' | 'exists'> {
    return this.pointers.create(doc);
  }

  private replaceIfMatch(
    doc: Job | JobPointer,
    etag: string,
  ): Promise<{ etag: string } | 'conflict' | 'missing'> {
    return doc.type === 'job' ? this.jobs.replaceIfMatch(doc, etag) : this.pointers.replaceIfMatch(doc, etag);
  }

  private remove(id: string, partition: string, etag?: string): Promise<'removed' | 'conflict' | 'missing'> {
    return (partition === pointerPartition ? this.pointers : this.jobs).removeIfMatch(id, partition, etag);
  }
}

/** the job store over the store's `schedule` container */
export function cosmosJobStore(
  store: CosmosStore,
  clock: Clock,
  options?: CosmosJobStoreOptions,
): CosmosJobStore {
  return new CosmosJobStore(store.containers.schedule, clock, options);
}
