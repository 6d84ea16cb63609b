import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@mallbots/ddd';
import { type Product, productOf, type Store, storeOf } from '../../domain/index.js';
import { PRODUCT_CACHE, type ProductCache } from '../ports/product-cache.port.js';
import { STORE_CACHE, type StoreCache } from '../ports/store-cache.port.js';
import { STORES_SERVICE, type StoresService } from '../ports/stores-service.port.js';
import { CatalogErrors } from './catalog.errors.js';

/**
 * Resolves the stores and products a shopping list names: the local caches first, then the Stores service on a miss
 * (G08, N03) — the stores service, never the depot itself (§14.1 item 10) — and caches the answer for next time.
 * A removed product's tombstone answers at once, without asking Stores.
 */
@Injectable()
export class Catalog {
  constructor(
    @Inject(STORE_CACHE) private readonly stores: StoreCache,
    @Inject(PRODUCT_CACHE) private readonly products: ProductCache,
    @Inject(STORES_SERVICE) private readonly remote: StoresService,
  ) {}

  async store(id: string): Promise<Store> {
    const cached = await this.stores.find(id);
    if (cached) return cached;
    const store = storeOf(await this.fetch(() => this.remote.getStore(id), () => CatalogErrors.storeNotLocated(id), 'store'));
    await this.stores.cacheFallback(store);
    return store;
  }

  async product(id: string): Promise<Product> {
    const cached = await this.products.find(id);
    if (cached?.removed) throw CatalogErrors.productRemoved(id);
    if (cached) return cached.product;
    const product = productOf(await this.fetch(() => this.remote.getProduct(id), () => CatalogErrors.productNotLocated(id), 'product'));
    await this.products.cacheFallback(product);
    return product;
  }

  private async fetch<T>(call: () => Promise<T>, notLocated: () => Error, what: string): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof NotFoundError) throw notLocated();
      throw CatalogErrors.fallbackFailed(`${what} fallback failed`, err);
    }
  }
}
