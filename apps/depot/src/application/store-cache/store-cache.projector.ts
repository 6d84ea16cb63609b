import { Inject, Injectable } from '@nestjs/common';
import { storeOf } from '../../domain/index.js';
import { STORE_CACHE, type StoreCache } from '../ports/store-cache.port.js';

/**
 * Keeps `stores_cache` in step with Stores' store events (durable `depot-stores`: StoreCreated, StoreRebranded).
 * Runs in the message's transaction behind the inbox, so a redelivered event is skipped; the writes are idempotent.
 */
@Injectable()
export class StoreCacheProjector {
  constructor(@Inject(STORE_CACHE) private readonly cache: StoreCache) {}

  async storeCreated(event: { id: string; name: string; location: string }): Promise<void> {
    await this.cache.created(storeOf(event));
  }

  async storeRebranded(event: { id: string; name: string }): Promise<void> {
    await this.cache.rename(event.id, event.name);
  }
}
