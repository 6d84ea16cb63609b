import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { ProductAdded, ProductRebranded, ProductRemoved } from '@mallbots/contracts/stores';
import type { DomainEvent } from '@mallbots/ddd';
import { ProductCacheProjector } from '../../application/product-cache/product-cache.projector.js';
import { DepotConsumer, StoresChannel, StoresMessage } from './depot.messages.js';
import { refuseInvalid } from './refuse-invalid.js';

/**
 * Stores' product events into `products_cache` (reference-behaviour §3.4, §4.2: durable `depot-products`,
 * ProductAdded, ProductRebranded and ProductRemoved; the price events are acked unseen: the depot keeps no price).
 */
@MessageConsumer({ subject: StoresChannel.Product, group: DepotConsumer.Products })
export class ProductEventsConsumer {
  constructor(@Inject(ProductCacheProjector) private readonly projector: ProductCacheProjector) {}

  @OnEvent(StoresMessage.ProductAdded)
  async productAdded(event: DomainEvent<ProductAdded>): Promise<void> {
    const { id, storeId, name } = event.payload;
    await refuseInvalid(event, () => this.projector.productAdded({ id, storeId, name }));
  }

  @OnEvent(StoresMessage.ProductRebranded)
  async productRebranded(event: DomainEvent<ProductRebranded>): Promise<void> {
    await refuseInvalid(event, () => this.projector.productRebranded({ id: event.payload.id, name: event.payload.name }));
  }

  @OnEvent(StoresMessage.ProductRemoved)
  async productRemoved(event: DomainEvent<ProductRemoved>): Promise<void> {
    await refuseInvalid(event, () => this.projector.productRemoved({ id: event.payload.id }));
  }
}
