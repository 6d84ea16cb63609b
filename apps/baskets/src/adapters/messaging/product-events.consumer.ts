import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { ProductAdded, ProductPriceChanged, ProductRebranded, ProductRemoved } from '@mallbots/contracts/stores';
import type { DomainEvent } from '@mallbots/ddd';
import { ProductCacheProjector } from '../../application/product-cache/product-cache.projector.js';
import { BasketsConsumer, StoresChannel, StoresMessage } from './baskets.messages.js';
import { moneyOf, refuseInvalid } from './refuse-invalid.js';

/**
 * Stores' product events into `products_cache` (reference-behaviour §3.2, §4.2: durable `baskets-products`, all
 * five product events). Prices and deltas arrive as the reference's decimal doubles and become exact cents here.
 */
@MessageConsumer({ subject: StoresChannel.Product, group: BasketsConsumer.Products })
export class ProductEventsConsumer {
  constructor(@Inject(ProductCacheProjector) private readonly projector: ProductCacheProjector) {}

  @OnEvent(StoresMessage.ProductAdded)
  async productAdded(event: DomainEvent<ProductAdded>): Promise<void> {
    const { id, storeId, name, price } = event.payload;
    await refuseInvalid(event, () => this.projector.productAdded({ id, storeId, name, price: moneyOf(price) }));
  }

  @OnEvent(StoresMessage.ProductRebranded)
  async productRebranded(event: DomainEvent<ProductRebranded>): Promise<void> {
    await refuseInvalid(event, () => this.projector.productRebranded({ id: event.payload.id, name: event.payload.name }));
  }

  @OnEvent(StoresMessage.ProductPriceIncreased, StoresMessage.ProductPriceDecreased)
  async productPriceChanged(event: DomainEvent<ProductPriceChanged>): Promise<void> {
    await refuseInvalid(event, () => this.projector.productPriceChanged({ id: event.payload.id, delta: moneyOf(event.payload.delta) }));
  }

  @OnEvent(StoresMessage.ProductRemoved)
  async productRemoved(event: DomainEvent<ProductRemoved>): Promise<void> {
    await refuseInvalid(event, () => this.projector.productRemoved({ id: event.payload.id }));
  }
}
