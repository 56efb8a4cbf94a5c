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
 * The tenant a collection serves. Every document it writes carries `tenantId`; it returns, replaces
 * and deletes only documents of that tenant, and every query it runs names the tenant. Documents
 * written before tenants were recorded have none: they belong to the first allowed tenant (`home`).
 */
export interface TenantScope {
  readonly tenantId: string;
  /** this is the tenant that documents without a tenantId belong to */
  readonly home: boolean;
}

/** the field every tenant-owned document carries; the domain never sees it */
const tenantField = 'tenantId';

/**
 * Point operations for one document type in one container. The type field keeps kinds apart where
 * a container holds several (a programme's partition holds enrolments, pairs and invitations).
 * `partitionField` is the container's partition key path without its slash: every query names its
 * partition in its WHERE clause too, so the embedded server (which ignores the SDK's partitionKey
 * option) and Azure give the same answers.
 */
export class CosmosCollection<
  T extends { readonly id: string; readonly type: string },
> implements Collection<T> {
  constructor(
    private readonly container: Container,
    private readonly type: T['type'],
    private readonly partitionField: keyof T & string,
    private readonly tenant?: TenantScope,
  ) {}

  private partitionOf(doc: T): string {
    return String(doc[this.partitionField]);
  }

  /** whether a stored document belongs to this collection's tenant (always, for an unscoped one) */
  private ours(raw: Record<string, unknown>): boolean {
    if (!this.tenant) return true;
    const owner = raw[tenantField];
    return owner === this.tenant.tenantId || (owner === undefined && this.tenant.home);
  }

  /** the document as stored: stamped with the tenant */
  private stamped(doc: T): T {
    return this.tenant ? ({ ...doc, [tenantField]: this.tenant.tenantId } as T) : doc;
  }

  /** the document as the domain sees it */
  private unstamped(raw: Record<string, unknown>): T {
    const doc = stripSystemFields<Record<string, unknown>>(raw);
    if (this.tenant) delete doc[tenantField];
    return doc as T;
  }

  /** the query's own conditions, then this type's, this partition's and this tenant's */
  private scoped(where: string, parameters: SqlParameter[], partition?: string) {
    const clauses = ['c.type = @type'];
    const params: SqlParameter[] = [{ name: '@type', value: this.type }];
    if (partition !== undefined) {
      clauses.push(`c.${this.partitionField} = @partition`);
      params.push({ name: '@partition', value: partition });
    }
    if (this.tenant) {
      clauses.push(
        this.tenant.home
          ? `(c.${tenantField} = @tenant OR NOT IS_DEFINED(c.${tenantField}))`
          : `c.${tenantField} = @tenant`,
      );
      params.push({ name: '@tenant', value: this.tenant.tenantId });
    }
    if (where) clauses.push(`(${where})`);
    return { where: clauses.join(' AND '), parameters: [...params, ...parameters] };
  }

  async read(id: string, partition: string): Promise<Versioned<T> | undefined> {
    // no document can have such an id, and the SDK throws rather than ask (an old or tampered card's field)
    if (!storable(id, partition)) return undefined;
    try {
      const { resource, etag } = await retryTransient(() =>
        this.container.item(id, partition).read<Record<string, unknown>>(),
      );
      if (!resource || resource.type !== this.type || !this.ours(resource)) return undefined;
      return { doc: this.unstamped(resource), etag: etag ?? String(resource._etag) };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** 'exists' also when the id is taken in another tenant: that document stays out of reach */
  async create(doc: T): Promise<'created' | 'exists'> {
    try {
      await retryTransient(() => this.container.items.create(this.stamped(doc)));
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

  /**
   * replace under IfMatch, handing back the new version for a caller that writes again. The etag
   * comes from a read, which only returns this tenant's documents, so it matches no other tenant's
   */
  async replaceIfMatch(doc: T, etag: string): Promise<{ etag: string } | 'conflict' | 'missing'> {
    try {
      const response = await retryTransient(() =>
        this.container
          .item(doc.id, this.partitionOf(doc))
          .replace(this.stamped(doc), { accessCondition: { type: 'IfMatch', condition: etag } }),
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

  /**
   * delete, under IfMatch when an etag is given ('conflict': someone else changed it first). A
   * tenant's collection reads the document first, so it never deletes another tenant's
   */
  async removeIfMatch(
    id: string,
    partition: string,
    etag?: string,
  ): Promise<'removed' | 'conflict' | 'missing'> {
    if (!storable(id, partition)) return 'missing';
    let condition = etag;
    if (this.tenant && condition === undefined) {
      const current = await this.read(id, partition);
      if (!current) return 'missing';
      condition = current.etag;
    }
    try {
      await retryTransient(() =>
        this.container
          .item(id, partition)
          .delete(condition ? { accessCondition: { type: 'IfMatch', condition } } : {}),
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
    const scoped = this.scoped(where, parameters);
    const query = {
      query: `SELECT ${fields.map((f) => `c.${f}`).join(', ')} FROM c WHERE ${scoped.where}`,
      parameters: scoped.parameters,
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
    const scoped = this.scoped(where, parameters, partition);
    const query = {
      query: `SELECT * FROM c WHERE ${scoped.where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
      parameters: scoped.parameters,
    };
    const { resources } = await retryTransient(() =>
      this.container.items
        .query<Record<string, unknown>>(query, partition === undefined ? {} : { partitionKey: partition })
        .fetchAll(),
    );
    return resources.map((r) => this.unstamped(r));
  }
}
