import type { Store } from '../../domain/index.js';

export const STORE_CACHE = Symbol.for('depot.StoreCache');

/** Who wrote a cache row: the Stores events (authoritative) or a fallback call on a miss. */
export type CacheSource = 'event' | 'fallback';

/**
 * `stores_cache`: the stores (with their location, G08) copied from Stores' events (ECST). Runs on the caller's
 * transaction. Every write is idempotent and never raises a unique violation, so a row written by a fallback and by
 * an event at the same time never fails either writer (N03).
 */
export interface StoreCache {
  find(id: string): Promise<Store | undefined>;
  /** From StoreCreated: inserts the store, or replaces a row a fallback wrote; an event row stays as it is. */
  created(store: Store): Promise<void>;
  /** From a GetStore fallback: inserts the store unless a row exists already (never overwrites). */
  cacheFallback(store: Store): Promise<void>;
  /** From StoreRebranded: renames the store; nothing when it is not cached. */
  rename(id: string, name: string): Promise<void>;
}
