import type { CachedCustomer } from '../../domain/index.js';

export const CUSTOMER_CACHE = Symbol.for('notifications.CustomerCache');

/** Who last wrote a cache row: a customers event, or a GetCustomer answer on a miss. */
export type CacheSource = 'event' | 'fallback';

/**
 * `customers_cache` (reference-behaviour §3.7): notifications' copy of its customers. Runs on the caller's
 * transaction.
 */
export interface CustomerCache {
  /** The cached customer, its row locked until the transaction ends, so two changes of one customer serialise. */
  find(id: string): Promise<CachedCustomer | undefined>;
  /**
   * Writes the customer. `isNew`: there was no row when it was read; returns false when a concurrent writer inserted
   * one first (the caller reads it again and re-applies its change), never a unique-violation error (N03).
   */
  save(customer: CachedCustomer, isNew: boolean, source: CacheSource): Promise<boolean>;
}
