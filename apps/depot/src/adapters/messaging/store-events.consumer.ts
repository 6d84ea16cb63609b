import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { StoreCreated, StoreRebranded } from '@mallbots/contracts/stores';
import type { DomainEvent } from '@mallbots/ddd';
import { StoreCacheProjector } from '../../application/store-cache/store-cache.projector.js';
import { DepotConsumer, StoresChannel, StoresMessage } from './depot.messages.js';
import { refuseInvalid } from './refuse-invalid.js';

/**
 * Stores' store events into `stores_cache` (reference-behaviour §3.4, §4.2: durable `depot-stores`, StoreCreated and
 * StoreRebranded; other store events are acked unseen). The inbox around the handler skips a redelivered event.
 */
@MessageConsumer({ subject: StoresChannel.Store, group: DepotConsumer.Stores })
export class StoreEventsConsumer {
  constructor(@Inject(StoreCacheProjector) private readonly projector: StoreCacheProjector) {}

  @OnEvent(StoresMessage.StoreCreated)
  async storeCreated(event: DomainEvent<StoreCreated>): Promise<void> {
    const { id, name, location } = event.payload;
    await refuseInvalid(event, () => this.projector.storeCreated({ id, name, location }));
  }

  @OnEvent(StoresMessage.StoreRebranded)
  async storeRebranded(event: DomainEvent<StoreRebranded>): Promise<void> {
    await refuseInvalid(event, () => this.projector.storeRebranded({ id: event.payload.id, name: event.payload.name }));
  }
}
