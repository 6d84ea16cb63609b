// Test support: in-memory caches with the PostgreSQL adapters' semantics (both pass cache.contract.ts).
import { Money } from '@mallbots/ddd';
import { Product, Store } from '../../domain/index.js';
import type { CachedProduct, ProductCache } from '../ports/product-cache.port.js';
import type { CacheSource, StoreCache } from '../ports/store-cache.port.js';

export class InMemoryStoreCache implements StoreCache {
  readonly rows = new Map<string, { store: Store; source: CacheSource }>();

  async find(id: string): Promise<Store | undefined> {
    return this.rows.get(id)?.store;
  }

  async created(store: Store): Promise<void> {
    const row = this.rows.get(store.id);
    if (!row || row.source === 'fallback') this.rows.set(store.id, { store, source: 'event' });
  }

  async cacheFallback(store: Store): Promise<void> {
    if (!this.rows.has(store.id)) this.rows.set(store.id, { store, source: 'fallback' });
  }

  async rename(id: string, name: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) this.rows.set(id, { ...row, store: Store.of({ id, name }) });
  }
}

/** The columns of products_cache; a Product is built on read, as the PostgreSQL adapter does. */
interface ProductRow {
  storeId: string;
  name: string;
  price: Money;
  source: CacheSource;
  removed: boolean;
}

export class InMemoryProductCache implements ProductCache {
  readonly rows = new Map<string, ProductRow>();

  async find(id: string): Promise<CachedProduct | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    return row.removed ? { removed: true, id } : { removed: false, product: Product.of({ id, storeId: row.storeId, name: row.name, price: row.price }) };
  }

  async added(product: Product): Promise<void> {
    const row = this.rows.get(product.id);
    if (!row || (row.source === 'fallback' && !row.removed)) this.rows.set(product.id, { ...columns(product), source: 'event', removed: false });
  }

  async cacheFallback(product: Product): Promise<void> {
    if (!this.rows.has(product.id)) this.rows.set(product.id, { ...columns(product), source: 'fallback', removed: false });
  }

  async rebrand(id: string, name: string): Promise<void> {
    const row = this.rows.get(id);
    if (row && !row.removed) row.name = name;
  }

  async changePrice(id: string, delta: Money): Promise<void> {
    const row = this.rows.get(id);
    if (row && !row.removed) row.price = row.price.plus(delta);
  }

  async remove(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.removed = true;
    else this.rows.set(id, { storeId: '', name: '', price: Money.zero, source: 'event', removed: true });
  }
}

function columns(product: Product): Pick<ProductRow, 'storeId' | 'name' | 'price'> {
  return { storeId: product.storeId, name: product.name, price: product.price };
}
