import type { AggregateRepository } from '@mallbots/es';
import { Store, StoreAggregateName, StoreErrors } from '../../domain/index.js';
import type { StoreRepository } from '../../application/ports/store.repository.port.js';
import { pgAggregateRepository, type StoresEventSourcing } from './stores.event-sourcing.js';

/** StoreRepository over the `stores.Store` streams (snapshot + newer events on load). */
export class StoreEsRepository implements StoreRepository {
  constructor(private readonly aggregates: AggregateRepository<Store>) {}

  static onPostgres(options: StoresEventSourcing): StoreEsRepository {
    return new StoreEsRepository(pgAggregateRepository(StoreAggregateName, (id) => new Store(id), options));
  }

  async get(id: string): Promise<Store> {
    const store = await this.aggregates.load(id);
    // The domain's text rather than the library's generic "stores.Store <id> not found".
    if (!store) throw StoreErrors.notFound();
    return store;
  }

  save(store: Store): Promise<void> {
    return this.aggregates.save(store);
  }
}
