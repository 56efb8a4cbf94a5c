import { Collection, Versioned } from './ports';

export interface MutateResult<T> {
  /** the document as stored after the call (undefined if it does not exist) */
  readonly doc: T | undefined;
  /** the document before this call's change, if it existed */
  readonly before: T | undefined;
  /** whether this call wrote anything */
  readonly changed: boolean;
}

/**
 * Read–modify–write under optimistic concurrency. `change` receives the current document (or
 * undefined) and returns the new one, or undefined to leave it alone. When another writer wins the
 * race (ETag mismatch, or a create that finds the id taken) we read again and re-apply, so `change`
 * must be a pure function of what it is given.
 */
export async function mutate<T>(
  collection: Collection<T>,
  id: string,
  partition: string,
  change: (current: T | undefined) => T | undefined,
  attempts = 8,
  /**
   * the document as the caller read it a moment ago: the first attempt starts from it instead of
   * reading it again (if it has changed since, the write fails on its ETag and the next attempt reads)
   */
  known?: Versioned<T>,
): Promise<MutateResult<T>> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = attempt === 0 && known ? known : await collection.read(id, partition);
    const next = change(current?.doc);
    if (next === undefined) return { doc: current?.doc, before: current?.doc, changed: false };
    const outcome = current ? await collection.replace(next, current.etag) : await collection.create(next);
    if (outcome === 'replaced' || outcome === 'created')
      return { doc: next, before: current?.doc, changed: true };
  }
  throw new Error(`gave up writing ${id} after ${attempts} concurrent conflicts`);
}
