import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { ProductAdded, ProductRebranded, ProductRemoved } from '@mallbots/contracts/stores';
import type { DomainEvent } from '@mallbots/ddd';
import { PRODUCT_CACHE, type ProductCache } from '../../application/ports/name-caches.port.js';
import { refuseInvalid, requireId } from './refuse-invalid.js';
import { SearchChannel, SearchConsumer, SearchMessage } from './search.messages.js';

/** Stores' product events into `products_cache` (§3.8: durable `search-products`; price events are acked unseen). */
@MessageConsumer({ subject: SearchChannel.Products, group: SearchConsumer.Products })
export class ProductEventsConsumer {
  constructor(@Inject(PRODUCT_CACHE) private readonly products: ProductCache) {}

  @OnEvent(SearchMessage.ProductAdded)
  async productAdded(event: DomainEvent<ProductAdded>): Promise<void> {
    const { id, storeId, name } = event.payload;
    await refuseInvalid(event, () => this.products.added({ id: requireId(id, 'product'), storeId, name }));
  }

  @OnEvent(SearchMessage.ProductRebranded)
  async productRebranded(event: DomainEvent<ProductRebranded>): Promise<void> {
    await refuseInvalid(event, () => this.products.rebrand(requireId(event.payload.id, 'product'), event.payload.name));
  }

  @OnEvent(SearchMessage.ProductRemoved)
  async productRemoved(event: DomainEvent<ProductRemoved>): Promise<void> {
    await refuseInvalid(event, () => this.products.remove(requireId(event.payload.id, 'product')));
  }
}
