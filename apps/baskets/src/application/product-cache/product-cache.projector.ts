import { Inject, Injectable } from '@nestjs/common';
import type { Money } from '@mallbots/ddd';
import { Product } from '../../domain/index.js';
import { PRODUCT_CACHE, type ProductCache } from '../ports/product-cache.port.js';

/**
 * Keeps `products_cache` in step with Stores' product events (C13; durable `baskets-products`, §4.2), prices
 * included: the price events carry a signed delta that is added to the cached price in exact cents (the reference
 * never ran these updates in practice, §14.1 item 8, and drifted in floats where it did, item 39).
 */
@Injectable()
export class ProductCacheProjector {
  constructor(@Inject(PRODUCT_CACHE) private readonly cache: ProductCache) {}

  async productAdded(event: { id: string; storeId: string; name: string; price: Money }): Promise<void> {
    await this.cache.added(Product.of(event));
  }

  async productRebranded(event: { id: string; name: string }): Promise<void> {
    await this.cache.rebrand(event.id, event.name);
  }

  /** ProductPriceIncreased and ProductPriceDecreased alike: the delta is signed. */
  async productPriceChanged(event: { id: string; delta: Money }): Promise<void> {
    await this.cache.changePrice(event.id, event.delta);
  }

  async productRemoved(event: { id: string }): Promise<void> {
    await this.cache.remove(event.id);
  }
}
