// The stores application wired on in-memory infrastructure for unit tests: the real handlers, projectors and
// integration-event publisher, the real libs/es AggregateRepository (on in-memory event and snapshot stores) and
// in-memory read models and outbox. Not part of the service build (tsconfig.app.json excludes src/testing).
import type { Message, MessagePublisher } from '@mallbots/am';
import { EventDispatcher, type Money } from '@mallbots/ddd';
import { AggregateRepository, everyNEvents, InMemoryEventStore, InMemorySnapshotStore, type EventSourcedAggregate } from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { AddProductHandler } from '../application/add-product/add-product.handler.js';
import { CreateStoreHandler } from '../application/create-store/create-store.handler.js';
import { DecreaseProductPriceHandler } from '../application/decrease-product-price/decrease-product-price.handler.js';
import { DisableParticipationHandler } from '../application/disable-participation/disable-participation.handler.js';
import { EnableParticipationHandler } from '../application/enable-participation/enable-participation.handler.js';
import { GetCatalogHandler } from '../application/get-catalog/get-catalog.handler.js';
import { GetParticipatingStoresHandler } from '../application/get-participating-stores/get-participating-stores.handler.js';
import { GetProductHandler } from '../application/get-product/get-product.handler.js';
import { GetStoreHandler } from '../application/get-store/get-store.handler.js';
import { GetStoresHandler } from '../application/get-stores/get-stores.handler.js';
import { IncreaseProductPriceHandler } from '../application/increase-product-price/increase-product-price.handler.js';
import type { CatalogRepository, ProductView } from '../application/ports/catalog.repository.port.js';
import type { MallRepository, StoreView } from '../application/ports/mall.repository.port.js';
import { CatalogProjector } from '../application/projections/catalog.projector.js';
import { MallProjector } from '../application/projections/mall.projector.js';
import { RebrandProductHandler } from '../application/rebrand-product/rebrand-product.handler.js';
import { RebrandStoreHandler } from '../application/rebrand-store/rebrand-store.handler.js';
import { RemoveProductHandler } from '../application/remove-product/remove-product.handler.js';
import { StoresIntegrationEvents } from '../adapters/messaging/stores-integration-events.js';
import { storesRegistry } from '../adapters/messaging/stores.messages.js';
import { ProductEsRepository } from '../adapters/postgres/product.es.repository.js';
import { StoreEsRepository } from '../adapters/postgres/store.es.repository.js';
import { createStoresEventTypeRegistry, Product, ProductAggregateName, Store, StoreAggregateName } from '../domain/index.js';

/** The mall read model in a Map, with the PostgreSQL adapter's rules (a duplicate or a missing row is a bug). */
export class InMemoryMallRepository implements MallRepository {
  readonly rows = new Map<string, StoreView>();

  async add(store: { id: string; name: string; location: string }): Promise<void> {
    if (this.rows.has(store.id)) throw new Error(`duplicate store ${store.id}`);
    this.rows.set(store.id, { ...store, participating: false });
  }

  async setParticipation(id: string, participating: boolean): Promise<void> {
    this.rows.set(id, { ...this.existing(id), participating });
  }

  async rename(id: string, name: string): Promise<void> {
    this.rows.set(id, { ...this.existing(id), name });
  }

  async find(id: string): Promise<StoreView | undefined> {
    return this.rows.get(id);
  }

  async all(): Promise<StoreView[]> {
    return [...this.rows.values()];
  }

  async allParticipating(): Promise<StoreView[]> {
    return [...this.rows.values()].filter((s) => s.participating);
  }

  private existing(id: string): StoreView {
    const row = this.rows.get(id);
    if (!row) throw new Error(`the mall read model has no store ${id}`);
    return row;
  }
}

/** The catalog read model in a Map, with the PostgreSQL adapter's rules. */
export class InMemoryCatalogRepository implements CatalogRepository {
  readonly rows = new Map<string, ProductView>();

  async add(product: ProductView): Promise<void> {
    if (this.rows.has(product.id)) throw new Error(`duplicate product ${product.id}`);
    this.rows.set(product.id, product);
  }

  async rebrand(id: string, name: string, description: string): Promise<void> {
    this.rows.set(id, { ...this.existing(id), name, description });
  }

  async changePrice(id: string, delta: Money): Promise<void> {
    const row = this.existing(id);
    this.rows.set(id, { ...row, price: row.price.plus(delta) });
  }

  async remove(id: string): Promise<void> {
    this.existing(id);
    this.rows.delete(id);
  }

  async find(id: string): Promise<ProductView | undefined> {
    return this.rows.get(id);
  }

  async byStore(storeId: string): Promise<ProductView[]> {
    return [...this.rows.values()].filter((p) => p.storeId === storeId);
  }

  private existing(id: string): ProductView {
    const row = this.rows.get(id);
    if (!row) throw new Error(`the catalog read model has no product ${id}`);
    return row;
  }
}

/** Stands in for the outbox: records what would be written. */
export class RecordingPublisher implements MessagePublisher {
  readonly messages: Message[] = [];

  async publish(messages: readonly Message[]): Promise<void> {
    this.messages.push(...messages);
  }
}

export function inMemoryStoresApp() {
  const tx = new InMemoryTransactionRunner();
  const dispatcher = new EventDispatcher();
  const eventStore = new InMemoryEventStore();
  const snapshotStore = new InMemorySnapshotStore();
  const eventTypes = createStoresEventTypeRegistry();
  const repository = <T extends EventSourcedAggregate>(streamName: string, factory: (id: string) => T) =>
    new AggregateRepository<T>({ streamName, factory, eventStore, snapshotStore, strategy: everyNEvents(3), registry: eventTypes, dispatcher, tx });
  const stores = new StoreEsRepository(repository(StoreAggregateName, (id) => new Store(id)));
  const products = new ProductEsRepository(repository(ProductAggregateName, (id) => new Product(id)));
  const mall = new InMemoryMallRepository();
  const catalog = new InMemoryCatalogRepository();
  const outbox = new RecordingPublisher();
  const registry = storesRegistry();
  new MallProjector(dispatcher, mall).onModuleInit();
  new CatalogProjector(dispatcher, catalog).onModuleInit();
  new StoresIntegrationEvents(dispatcher, outbox, registry).onModuleInit();

  return {
    eventStore,
    snapshotStore,
    mall,
    catalog,
    outbox,
    registry,
    /** The decoded integration messages written so far. */
    published: () => outbox.messages.map((m) => ({ subject: m.subject, name: m.name, payload: registry.deserialize(m.name, m.payload) })),
    handlers: {
      createStore: new CreateStoreHandler(stores),
      enableParticipation: new EnableParticipationHandler(stores),
      disableParticipation: new DisableParticipationHandler(stores),
      rebrandStore: new RebrandStoreHandler(stores),
      addProduct: new AddProductHandler(stores, products),
      rebrandProduct: new RebrandProductHandler(products),
      increaseProductPrice: new IncreaseProductPriceHandler(products),
      decreaseProductPrice: new DecreaseProductPriceHandler(products),
      removeProduct: new RemoveProductHandler(products),
      getStore: new GetStoreHandler(mall),
      getStores: new GetStoresHandler(mall),
      getParticipatingStores: new GetParticipatingStoresHandler(mall),
      getProduct: new GetProductHandler(catalog),
      getCatalog: new GetCatalogHandler(mall, catalog),
    },
  };
}

export type InMemoryStoresApp = ReturnType<typeof inMemoryStoresApp>;
