import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { StoreCreated, StoreRebranded } from '@mallbots/contracts/stores';
import type { DomainEvent } from '@mallbots/ddd';
import { STORE_CACHE, type StoreCache } from '../../application/ports/name-caches.port.js';
import { refuseInvalid, requireId } from './refuse-invalid.js';
import { SearchChannel, SearchConsumer, SearchMessage } from './search.messages.js';

/** Stores' store events into `stores_cache` (§3.8: durable `search-stores`; other store events are acked unseen). */
@MessageConsumer({ subject: SearchChannel.Stores, group: SearchConsumer.Stores })
export class StoreEventsConsumer {
  constructor(@Inject(STORE_CACHE) private readonly stores: StoreCache) {}

  @OnEvent(SearchMessage.StoreCreated)
  async storeCreated(event: DomainEvent<StoreCreated>): Promise<void> {
    await refuseInvalid(event, () => this.stores.created(requireId(event.payload.id, 'store'), event.payload.name));
  }

  @OnEvent(SearchMessage.StoreRebranded)
  async storeRebranded(event: DomainEvent<StoreRebranded>): Promise<void> {
    await refuseInvalid(event, () => this.stores.rename(requireId(event.payload.id, 'store'), event.payload.name));
  }
}
