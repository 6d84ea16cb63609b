// Test support: the application wired on in-memory doubles — the real event-sourced repository (libs/es) on the
// in-memory event and snapshot stores, the in-memory caches and a fake Stores service.
import { type DomainEvent, EventDispatcher, Money } from '@mallbots/ddd';
import { type EventStore, InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { EventSourcedBasketRepository } from '../../adapters/postgres/basket.es.repository.js';
import { Basket, BasketAggregate, Product, Store } from '../../domain/index.js';
import { Catalog } from '../catalog/catalog.service.js';
import { FakeStoresService } from './fake-stores.service.js';
import { InMemoryProductCache, InMemoryStoreCache } from './in-memory-caches.js';

export const STORE = Store.of({ id: 's-1', name: 'Store One' });
export const WIZARD = Product.of({ id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', price: Money.fromDecimal(9.99) });
export const BROOM = Product.of({ id: 'p-2', storeId: 's-1', name: 'Broom', price: Money.fromDecimal(12.5) });

export class BasketsFixture {
  readonly dispatcher = new EventDispatcher();
  readonly events = new InMemoryEventStore();
  readonly snapshots = new InMemorySnapshotStore();
  readonly stores = new InMemoryStoreCache();
  readonly products = new InMemoryProductCache();
  readonly remote = new FakeStoresService();
  readonly catalog = new Catalog(this.products, this.stores, this.remote);
  /** Every domain event the repository dispatched, in order. */
  readonly dispatched: DomainEvent[] = [];
  /** When set, the event store refuses every append (the "SaveFailed" cases). */
  failAppend: Error | undefined;
  readonly baskets: EventSourcedBasketRepository;

  constructor() {
    const inner = this.events;
    const eventStore: EventStore = {
      append: (...args) => (this.failAppend ? Promise.reject(this.failAppend) : inner.append(...args)),
      load: (...args) => inner.load(...args),
    };
    this.baskets = new EventSourcedBasketRepository({ eventStore, snapshotStore: this.snapshots, tx: new InMemoryTransactionRunner(), dispatcher: this.dispatcher, snapshotEvery: 3 });
    this.dispatcher.subscribe((event) => void this.dispatched.push(event));
  }

  /** The catalog as the Stores events would have filled it: one store, two products. */
  async withCatalog(): Promise<this> {
    await this.stores.created(STORE);
    await this.products.added(WIZARD);
    await this.products.added(BROOM);
    return this;
  }

  /** A stored, open basket (with `lines` already added). */
  async openBasket(id = 'b-1', lines: Array<[Product, number]> = []): Promise<Basket> {
    const basket = Basket.start(id, 'c-1');
    for (const [product, quantity] of lines) basket.addItem(STORE, product, quantity);
    await this.baskets.save(basket);
    this.dispatched.length = 0;
    return basket;
  }

  /** Names of the events stored for a basket. */
  async stored(id: string): Promise<string[]> {
    return (await this.events.load(BasketAggregate, id)).map((e) => e.eventName);
  }
}
