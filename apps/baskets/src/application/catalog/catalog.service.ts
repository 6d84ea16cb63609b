import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@mallbots/ddd';
import { Product, Store } from '../../domain/index.js';
import { PRODUCT_CACHE, type ProductCache } from '../ports/product-cache.port.js';
import { STORE_CACHE, type StoreCache } from '../ports/store-cache.port.js';
import { STORES_SERVICE, type StoresService } from '../ports/stores-service.port.js';
import { CatalogErrors } from './catalog.errors.js';

/**
 * Resolves the products and stores a basket line needs: the local caches first, then the Stores service on a miss
 * (requirements C02, N03), whose answer is cached for the next time. Only a miss calls Stores; a removed product's
 * tombstone answers "not located" at once, so a removed product can never be added (§14.4 item 36).
 */
@Injectable()
export class Catalog {
  constructor(
    @Inject(PRODUCT_CACHE) private readonly products: ProductCache,
    @Inject(STORE_CACHE) private readonly stores: StoreCache,
    @Inject(STORES_SERVICE) private readonly remote: StoresService,
  ) {}

  /** A product that can be added to a basket. */
  async product(id: string): Promise<Product> {
    const cached = await this.products.find(id);
    if (cached?.removed) throw CatalogErrors.productNotLocated();
    if (cached) return cached.product;
    return this.fetchProduct(id);
  }

  /**
   * Fails unless the product exists or existed (a removed one counts: a basket may still hold it). What RemoveItem
   * asks for a product that is not in the basket, where the reference answered an unknown product with its error.
   */
  async assertKnownProduct(id: string): Promise<void> {
    if (await this.products.find(id)) return;
    await this.fetchProduct(id);
  }

  async store(id: string): Promise<Store> {
    const cached = await this.stores.find(id);
    if (cached) return cached;
    let store: Store;
    try {
      const remote = await this.remote.getStore(id);
      store = Store.of({ id: remote.id, name: remote.name });
    } catch (err) {
      if (err instanceof NotFoundError) throw CatalogErrors.storeNotLocated();
      throw CatalogErrors.storeFallbackFailed(err);
    }
    await this.stores.cacheFallback(store);
    return store;
  }

  private async fetchProduct(id: string): Promise<Product> {
    let product: Product;
    try {
      const remote = await this.remote.getProduct(id);
      product = Product.of({ id: remote.id, storeId: remote.storeId, name: remote.name, price: remote.price });
    } catch (err) {
      if (err instanceof NotFoundError) throw CatalogErrors.productNotLocated();
      throw CatalogErrors.productFallbackFailed(err);
    }
    await this.products.cacheFallback(product);
    return product;
  }
}
