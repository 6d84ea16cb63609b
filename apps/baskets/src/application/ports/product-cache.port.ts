import type { Money } from '@mallbots/ddd';
import type { Product } from '../../domain/index.js';

export const PRODUCT_CACHE = Symbol.for('baskets.ProductCache');

/** A cached product, or the tombstone of a removed one. */
export type CachedProduct = { readonly removed: false; readonly product: Product } | { readonly removed: true; readonly id: string };

/**
 * `products_cache`: the products (with their current price, exact cents) copied from Stores' events (ECST, C13).
 * Runs on the caller's transaction; every write is idempotent and never raises a unique violation (N03).
 */
export interface ProductCache {
  /** The product, its tombstone when it was removed, or undefined when the cache never heard of it. */
  find(id: string): Promise<CachedProduct | undefined>;
  /**
   * From ProductAdded: inserts the product, or replaces a row a fallback wrote (the price changes that follow are
   * deltas on the added price, so they must land on it, not on a price that already includes them). An event row
   * or a tombstone is left as it is.
   */
  added(product: Product): Promise<void>;
  /** From a GetProduct fallback: inserts the product unless a row (or tombstone) exists already. */
  cacheFallback(product: Product): Promise<void>;
  /** From ProductRebranded; nothing when it is not cached. */
  rebrand(id: string, name: string): Promise<void>;
  /** From ProductPriceIncreased/Decreased: price += delta, exactly; nothing when it is not cached. */
  changePrice(id: string, delta: Money): Promise<void>;
  /** From ProductRemoved: leaves a tombstone (also for a product that was never cached). */
  remove(id: string): Promise<void>;
}
