import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { StoreCreated, StoreRebranded } from '@mallbots/contracts/stores';
import type { DomainEvent } from '@mallbots/ddd';
import { StoreCacheProjector } from '../../application/store-cache/store-cache.projector.js';
import { BasketsConsumer, StoresChannel, StoresMessage } from './baskets.messages.js';
import { refuseInvalid } from './refuse-invalid.js';

/**
 * Stores' store events into `stores_cache` (reference-behaviour §3.2, §4.2: durable `baskets-stores`, filter
 * StoreCreated and StoreRebranded; the other store events are acked unseen). The inbox around the handler skips a
 * redelivered event.
 */
@MessageConsumer({ subject: StoresChannel.Store, group: BasketsConsumer.Stores })
export class StoreEventsConsumer {
  constructor(@Inject(StoreCacheProjector) private readonly projector: StoreCacheProjector) {}

  @OnEvent(StoresMessage.StoreCreated)
  async storeCreated(event: DomainEvent<StoreCreated>): Promise<void> {
    await refuseInvalid(event, () => this.projector.storeCreated({ id: event.payload.id, name: event.payload.name }));
  }

  @OnEvent(StoresMessage.StoreRebranded)
  async storeRebranded(event: DomainEvent<StoreRebranded>): Promise<void> {
    await refuseInvalid(event, () => this.projector.storeRebranded({ id: event.payload.id, name: event.payload.name }));
  }
}
