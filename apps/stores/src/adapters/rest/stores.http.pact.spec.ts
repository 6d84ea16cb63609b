// Provider verification of stores-api: the REST adapter as the service serves it — the platform's Nest application
// (createServiceApp: body limits, the whitelisting ValidationPipe), both real REST controllers in the module's
// order, the real command and query handlers, the mall and catalog projectors and the integration-event publisher,
// the platform's ErrorFilter — on a real HTTP port, with test doubles behind the application's ports: the
// event-sourced repositories (libs/es) on in-memory event and snapshot stores and the in-memory read models of
// src/testing (requirements §2.13). It verifies every committed pact naming stores-api (pacts/kiosk-stores-api.json).
import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { AggregateRepository, everyNEvents, type EventSourcedAggregate, InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { ResettableWorld, type RestContractApp, startRestContractApp, withTeardown } from '@mallbots/platform/testing';
import { verifyHttpProvider } from '@mallbots/testing/pact';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { AddProductHandler } from '../../application/add-product/add-product.handler.js';
import { CreateStoreHandler } from '../../application/create-store/create-store.handler.js';
import { DecreaseProductPriceHandler } from '../../application/decrease-product-price/decrease-product-price.handler.js';
import { DisableParticipationHandler } from '../../application/disable-participation/disable-participation.handler.js';
import { EnableParticipationCommand } from '../../application/enable-participation/enable-participation.command.js';
import { EnableParticipationHandler } from '../../application/enable-participation/enable-participation.handler.js';
import { GetCatalogHandler } from '../../application/get-catalog/get-catalog.handler.js';
import { GetParticipatingStoresHandler } from '../../application/get-participating-stores/get-participating-stores.handler.js';
import { GetProductHandler } from '../../application/get-product/get-product.handler.js';
import { GetStoreHandler } from '../../application/get-store/get-store.handler.js';
import { GetStoresHandler } from '../../application/get-stores/get-stores.handler.js';
import { IncreaseProductPriceHandler } from '../../application/increase-product-price/increase-product-price.handler.js';
import { CATALOG_REPOSITORY } from '../../application/ports/catalog.repository.port.js';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { MALL_REPOSITORY } from '../../application/ports/mall.repository.port.js';
import { PRODUCT_REPOSITORY } from '../../application/ports/product.repository.port.js';
import { STORE_REPOSITORY } from '../../application/ports/store.repository.port.js';
import { CatalogProjector } from '../../application/projections/catalog.projector.js';
import { MallProjector } from '../../application/projections/mall.projector.js';
import { RebrandProductHandler } from '../../application/rebrand-product/rebrand-product.handler.js';
import { RebrandStoreHandler } from '../../application/rebrand-store/rebrand-store.handler.js';
import { RemoveProductHandler } from '../../application/remove-product/remove-product.handler.js';
import { createStoresEventTypeRegistry, Product, ProductAggregateName, Store, StoreAggregateName } from '../../domain/index.js';
import { DEFAULT_SNAPSHOT_EVERY } from '../../stores.config.js';
import { InMemoryCatalogRepository, InMemoryMallRepository } from '../../testing/stores.in-memory.js';
import { StoresIntegrationEvents } from '../messaging/stores-integration-events.js';
import { storesRegistry } from '../messaging/stores.messages.js';
import { ProductEsRepository } from '../postgres/product.es.repository.js';
import { StoreEsRepository } from '../postgres/store.es.repository.js';
import { ProductsRestController } from './products.rest.controller.js';
import { StoresRestController } from './stores.rest.controller.js';

/** What the doubles hold; replaced after every interaction, so each starts from nothing but its own states. */
function emptyWorld(dispatcher: EventDispatcher) {
  const eventStore = new InMemoryEventStore();
  const snapshotStore = new InMemorySnapshotStore();
  const tx = new InMemoryTransactionRunner();
  const registry = createStoresEventTypeRegistry();
  const aggregates = <T extends EventSourcedAggregate>(streamName: string, factory: (id: string) => T) =>
    new AggregateRepository<T>({ streamName, factory, eventStore, snapshotStore, strategy: everyNEvents(DEFAULT_SNAPSHOT_EVERY), registry, dispatcher, tx });
  return {
    stores: new StoreEsRepository(aggregates(StoreAggregateName, (id) => new Store(id))),
    products: new ProductEsRepository(aggregates(ProductAggregateName, (id) => new Product(id))),
    mall: new InMemoryMallRepository(),
    catalog: new InMemoryCatalogRepository(),
    outbox: new RecordingPublisher(),
  };
}

const dispatcher = new EventDispatcher();
const world = new ResettableWorld(() => emptyWorld(dispatcher));

/** The providers of StoresModule.forRoot with the doubles in place of PostgreSQL and NATS. */
const providers: Provider[] = [
  { provide: DOMAIN_EVENTS, useValue: dispatcher },
  { provide: STORE_REPOSITORY, useValue: world.port((w) => w.stores) },
  { provide: PRODUCT_REPOSITORY, useValue: world.port((w) => w.products) },
  { provide: MALL_REPOSITORY, useValue: world.port((w) => w.mall) },
  { provide: CATALOG_REPOSITORY, useValue: world.port((w) => w.catalog) },
  { provide: EVENT_PUBLISHER, useValue: world.port((w) => w.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: storesRegistry() },
  CreateStoreHandler,
  EnableParticipationHandler,
  DisableParticipationHandler,
  RebrandStoreHandler,
  AddProductHandler,
  RebrandProductHandler,
  IncreaseProductPriceHandler,
  DecreaseProductPriceHandler,
  RemoveProductHandler,
  GetStoreHandler,
  GetStoresHandler,
  GetParticipatingStoresHandler,
  GetProductHandler,
  GetCatalogHandler,
  // Subscribed in the module's order: read models first, then the outbox.
  MallProjector,
  CatalogProjector,
  StoresIntegrationEvents,
];

interface StoreState {
  id: string;
  name: string;
  location?: string;
  participating?: boolean;
}

interface ProductState {
  id: string;
  storeId: string;
  name: string;
  description?: string;
  sku?: string;
  price: number;
}

describe('stores-api (REST) honours the pacts of its consumers', () => {
  let rest: RestContractApp;
  beforeAll(async () => {
    // The module's order: `products/:id` routes must win over the stores controller's `:id` ones.
    rest = await startRestContractApp({ service: 'stores', controllers: [ProductsRestController, StoresRestController], providers });
  });
  afterAll(() => rest?.close());

  /** Stores and products under the states' ids (the REST commands would choose random ones), through the domain. */
  const stateHandlers = withTeardown(world.reset, {
    'a store exists': async (params?: unknown) => {
      const { id, name, location = 'Level 1', participating = false } = params as StoreState;
      await world.current.stores.save(Store.create(id, name, location));
      if (participating) await rest.app.get(CommandBus).execute(new EnableParticipationCommand(id));
    },
    'a product exists': async (params?: unknown) => {
      const { id, storeId, name, description = '', sku = '', price } = params as ProductState;
      await world.current.products.save(Product.add(id, { storeId, name, description, sku, price: Money.fromDecimal(price) }));
    },
  });

  it('verifies the committed pacts naming stores-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'stores-api', providerBaseUrl: rest.url, stateHandlers });
  });
});
