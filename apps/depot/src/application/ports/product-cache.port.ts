import type { Product } from '../../domain/index.js';

export const PRODUCT_CACHE = Symbol.for('depot.ProductCache');

/** A cached product, or the tombstone of a removed one. */
export type CachedProduct = { readonly removed: false; readonly product: Product } | { readonly removed: true; readonly id: string };

/**
 * `products_cache`: the products copied from Stores' events, without prices (N04). Runs on the caller's
 * transaction; every write is idempotent and never raises a unique violation (N03).
 */
export interface ProductCache {
  /** The product, its tombstone when it was removed, or undefined when the cache never heard of it. */
  find(id: string): Promise<CachedProduct | undefined>;
  /** From ProductAdded: inserts the product, or replaces a row a fallback wrote; an event row or tombstone stays. */
  added(product: Product): Promise<void>;
  /** From a GetProduct fallback: inserts the product unless a row (or tombstone) exists already. */
  cacheFallback(product: Product): Promise<void>;
  /** From ProductRebranded; nothing when it is not cached. */
  rebrand(id: string, name: string): Promise<void>;
  /**
   * From ProductRemoved: leaves a tombstone (also for a product never cached), so a late ProductAdded or a fallback
   * cannot bring it back and no bot is sent for a product the store no longer sells.
   */
  remove(id: string): Promise<void>;
}
