export const CUSTOMER_CACHE = Symbol.for('search.CustomerCache');
export const STORE_CACHE = Symbol.for('search.StoreCache');
export const PRODUCT_CACHE = Symbol.for('search.ProductCache');

export interface CachedProduct {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
}

/**
 * The names search shows, copied from the owning contexts' events (requirement I04; ECST). Each runs on the
 * caller's transaction. Every write is an upsert that cannot raise a unique violation, so a fallback and an event
 * caching the same id at once never abort either transaction (the reference's plain INSERT did, §14.5 item 45).
 * The events are the authority: an event row replaces a row a fallback wrote; a fallback never overwrites anything.
 */
export interface CustomerCache {
  findName(id: string): Promise<string | undefined>;
  /** From CustomerRegistered. */
  registered(id: string, name: string): Promise<void>;
  cacheFallback(id: string, name: string): Promise<void>;
}

export interface StoreCache {
  findName(id: string): Promise<string | undefined>;
  /** From StoreCreated. */
  created(id: string, name: string): Promise<void>;
  cacheFallback(id: string, name: string): Promise<void>;
  /** From StoreRebranded; nothing when the store is not cached. */
  rename(id: string, name: string): Promise<void>;
}

export interface ProductCache {
  /** A removed product is still found: orders placed before the removal keep naming it. */
  find(id: string): Promise<CachedProduct | undefined>;
  /** From ProductAdded. */
  added(product: CachedProduct): Promise<void>;
  cacheFallback(product: CachedProduct): Promise<void>;
  /** From ProductRebranded; nothing when the product is not cached. */
  rebrand(id: string, name: string): Promise<void>;
  /** From ProductRemoved: marks it (the name stays for the orders that hold it). */
  remove(id: string): Promise<void>;
}
