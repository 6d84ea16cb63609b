import { Inject, Injectable } from '@nestjs/common';
import { Store } from '../../domain/index.js';
import { STORE_CACHE, type StoreCache } from '../ports/store-cache.port.js';

/**
 * Keeps `stores_cache` in step with Stores' store events (C13; durable `baskets-stores`, §4.2). Runs in the
 * message's transaction behind the inbox, so a redelivered event is skipped; the writes are idempotent anyway.
 */
@Injectable()
export class StoreCacheProjector {
  constructor(@Inject(STORE_CACHE) private readonly cache: StoreCache) {}

  async storeCreated(event: { id: string; name: string }): Promise<void> {
    await this.cache.created(Store.of({ id: event.id, name: event.name }));
  }

  async storeRebranded(event: { id: string; name: string }): Promise<void> {
    await this.cache.rename(event.id, event.name);
  }
}
