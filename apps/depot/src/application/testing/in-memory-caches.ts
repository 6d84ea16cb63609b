// Test support: in-memory caches with the PostgreSQL adapters' semantics (both pass cache.contract.ts).
import type { Product, Store } from '../../domain/index.js';
import type { CachedProduct, ProductCache } from '../ports/product-cache.port.js';
import type { CacheSource, StoreCache } from '../ports/store-cache.port.js';

export class InMemoryStoreCache implements StoreCache {
  readonly rows = new Map<string, { store: Store; source: CacheSource }>();

  async find(id: string): Promise<Store | undefined> {
    return this.rows.get(id)?.store;
  }

  async created(store: Store): Promise<void> {
    if (this.rows.get(store.id)?.source !== 'event') this.rows.set(store.id, { store, source: 'event' });
  }

  async cacheFallback(store: Store): Promise<void> {
    if (!this.rows.has(store.id)) this.rows.set(store.id, { store, source: 'fallback' });
  }

  async rename(id: string, name: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) this.rows.set(id, { ...row, store: { ...row.store, name } });
  }
}

export class InMemoryProductCache implements ProductCache {
  readonly rows = new Map<string, { product: Product; source: CacheSource; removed: boolean }>();

  async find(id: string): Promise<CachedProduct | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    return row.removed ? { removed: true, id } : { removed: false, product: row.product };
  }

  async added(product: Product): Promise<void> {
    const row = this.rows.get(product.id);
    if (!row || (row.source === 'fallback' && !row.removed)) this.rows.set(product.id, { product, source: 'event', removed: false });
  }

  async cacheFallback(product: Product): Promise<void> {
    if (!this.rows.has(product.id)) this.rows.set(product.id, { product, source: 'fallback', removed: false });
  }

  async rebrand(id: string, name: string): Promise<void> {
    const row = this.rows.get(id);
    if (row && !row.removed) row.product = { ...row.product, name };
  }

  async remove(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.removed = true;
    else this.rows.set(id, { product: { id, storeId: '', name: '' }, source: 'event', removed: true });
  }
}
