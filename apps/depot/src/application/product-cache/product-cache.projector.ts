import { Inject, Injectable } from '@nestjs/common';
import { productOf } from '../../domain/index.js';
import { PRODUCT_CACHE, type ProductCache } from '../ports/product-cache.port.js';

/**
 * Keeps `products_cache` in step with Stores' product events (durable `depot-products`: ProductAdded,
 * ProductRebranded, ProductRemoved). Prices are not kept, so the price events are not even subscribed to (N04).
 */
@Injectable()
export class ProductCacheProjector {
  constructor(@Inject(PRODUCT_CACHE) private readonly cache: ProductCache) {}

  async productAdded(event: { id: string; storeId: string; name: string }): Promise<void> {
    await this.cache.added(productOf(event));
  }

  async productRebranded(event: { id: string; name: string }): Promise<void> {
    await this.cache.rebrand(event.id, event.name);
  }

  async productRemoved(event: { id: string }): Promise<void> {
    await this.cache.remove(event.id);
  }
}
