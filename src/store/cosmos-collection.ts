import { Container, ErrorResponse, SqlParameter } from '@azure/cosmos';
import { Collection, Versioned } from '../domain/ports';
import { retryTransient } from './transient';

const systemFields = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/** the document without the fields Cosmos DB adds */
export function stripSystemFields<T>(raw: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...raw };
  for (const f of systemFields) delete copy[f];
  return copy as T;
}

export function statusOf(err: unknown): number | undefined {
  const e = err as ErrorResponse;
  return typeof e?.code === 'number' ? e.code : undefined;
}

/**
 * Whether a document could live at this id and partition key value: Cosmos DB refuses an empty (or
 * blank) id, one over 255 characters, '/', '\\' and '#' in one, a partition key value over 2 KB,
 * and anything that is not well-formed Unicode.
 */
function storable(id: string, partition: string): boolean {
  if (typeof id !== 'string' || id.trim() === '' || id.length > 255 || /[/\\#]/.test(id)) return false;
  if (typeof partition !== 'string' || Buffer.byteLength(partition) > 2048) return false;
  try {
    encodeURIComponent(id);
    encodeURIComponent(partition);
    return true;
  } catch {
    return false; // a lone surrogate
  }
}

/**
 * Point operations for one document type in one container. The type field keeps kinds apart where
 * a container holds several (a programme's partition holds enrolments, pairs and invitations).
 */
export class CosmosCollection<
  T extends { readonly id: string; readonly type: string },
> implements Collection<T> {
  constructor(
    private readonly container: Container,
    private readonly type: T['type'],
    private readonly partitionOf: (doc: T) => string,
  ) {}

  async read(id: string, partition: string): Promise<Versioned<T> | undefined> {
    // no document can have such an id, and the SDK throws rather than ask (an old or tampered card's field)
    if (!storable(id, partition)) return undefined;
    try {
      const { resource, etag } = await retryTransient(() =>
        this.container.item(id, partition).read<Record<string, unknown>>(),
      );
      if (!resource || resource.type !== this.type) return undefined;
      return { doc: stripSystemFields<T>(resource), etag: etag ?? String(resource._etag) };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async create(doc: T): Promise<'created' | 'exists'> {
    try {
      await retryTransient(() => this.container.items.create(doc));
      return 'created';
    } catch (err) {
      if (statusOf(err) === 409) return 'exists';
      throw err;
    }
  }

  async replace(doc: T, etag: string): Promise<'replaced' | 'conflict' | 'missing'> {
    const outcome = await this.replaceIfMatch(doc, etag);
    return typeof outcome === 'object' ? 'replaced' : outcome;
  }

  /** replace under IfMatch, handing back the new version for a caller that writes again */
  async replaceIfMatch(doc: T, etag: string): Promise<{ etag: string } | 'conflict' | 'missing'> {
    try {
      const response = await retryTransient(() =>
        this.container
          .item(doc.id, this.partitionOf(doc))
          .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return { etag: response.etag ?? String(response.resource?._etag) };
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) return 'conflict';
      if (status === 404) return 'missing';
      throw err;
    }
  }

  async remove(id: string, partition: string): Promise<'removed' | 'missing'> {
    const outcome = await this.removeIfMatch(id, partition);
    return outcome === 'conflict' ? 'missing' : outcome;
  }

  /** delete, under IfMatch when an etag is given ('conflict': someone else changed it first) */
  async removeIfMatch(
    id: string,
    partition: string,
    etag?: string,
  ): Promise<'removed' | 'conflict' | 'missing'> {
    if (!storable(id, partition)) return 'missing';
    try {
      await retryTransient(() =>
        this.container
          .item(id, partition)
          .delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : {}),
      );
      return 'removed';
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) return 'conflict';
      if (status === 404) return 'missing';
      throw err;
    }
  }

  /**
   * Only the named top-level fields of the matching documents: reports use it so that what
   * supervisors wrote is never even read.
   */
  async project<K extends string>(
    fields: readonly K[],
    where: string,
    parameters: SqlParameter[] = [],
  ): Promise<Record<K, unknown>[]> {
    const query = {
      query: `SELECT ${fields.map((f) => `c.${f}`).join(', ')} FROM c WHERE c.type = @type AND (${where})`,
      parameters: [{ name: '@type', value: this.type }, ...parameters],
    };
    const { resources } = await retryTransient(() =>
      this.container.items.query<Record<K, unknown>>(query).fetchAll(),
    );
    return resources;
  }

  /** a parameterised query over this type; pass partition to keep it inside one partition */
  async query(
    where: string,
    parameters: SqlParameter[] = [],
    partition?: string,
    orderBy = '',
  ): Promise<T[]> {
    const query = {
      query: `SELECT * FROM c WHERE c.type = @type${where ? ` AND (${where})` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
      parameters: [{ name: '@type', value: this.type }, ...parameters],
    };
    const { resources } = await retryTransient(() =>
      this.container.items
        .query<Record<string, unknown>>(query, partition === undefined ? {} : { partitionKey: partition })
        .fetchAll(),
    );
    return resources.map((r) => stripSystemFields<T>(r));
  }
}
