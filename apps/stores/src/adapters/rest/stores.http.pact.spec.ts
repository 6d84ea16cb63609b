// Provider verification of stores-api: the REST adapter as the service serves it — the platform's Nest application
// (createServiceApp: body limits, the whitelisting ValidationPipe), both real REST controllers in the module's
// order, the real command and query handlers, the mall and catalog projectors and the integration-event publisher,
// the platform's ErrorFilter — on a real HTTP port, with test doubles behind the application's ports: the
// event-sourced repositories (libs/es) on in-memory event and snapshot stores and the in-memory read models of
// src/testing (requirements §2.13). It verifies every committed pact naming stores-api (pacts/kiosk-stores-api.json).
import type { AddressInfo } from 'node:net';
import { type INestApplication, Module, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { AggregateRepository, everyNEvents, type EventSourcedAggregate, InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { createServiceApp, ErrorFilter, EVENT_PUBLISHER, loadServiceConfig } from '@mallbots/platform';
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

/** A stand-in for a port that forwards every call to the current world's double. */
function delegate<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      const target = current();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const dispatcher = new EventDispatcher();
let world = emptyWorld(dispatcher);

/** The providers of StoresModule.forRoot with the doubles in place of PostgreSQL and NATS. */
const providers: Provider[] = [
  { provide: DOMAIN_EVENTS, useValue: dispatcher },
  { provide: STORE_REPOSITORY, useValue: delegate(() => world.stores) },
  { provide: PRODUCT_REPOSITORY, useValue: delegate(() => world.products) },
  { provide: MALL_REPOSITORY, useValue: delegate(() => world.mall) },
  { provide: CATALOG_REPOSITORY, useValue: delegate(() => world.catalog) },
  { provide: EVENT_PUBLISHER, useValue: delegate(() => world.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: storesRegistry() },
  { provide: APP_FILTER, useClass: ErrorFilter },
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

@Module({
  imports: [CqrsModule.forRoot(), LoggerModule.forRoot({ pinoHttp: { level: 'warn' } })],
  // The module's order: `products/:id` routes must win over the stores controller's `:id` ones.
  controllers: [ProductsRestController, StoresRestController],
  providers,
})
class StoresRestUnderContract {}

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
  let app: INestApplication;
  let providerBaseUrl: string;

  beforeAll(async () => {
    // Only the HTTP settings matter here; nothing connects to PostgreSQL or NATS.
    const config = loadServiceConfig('stores', { PG_CONN: 'postgres://unused@127.0.0.1:1/unused', NATS_URL: 'nats://127.0.0.1:1', LOG_LEVEL: 'warn' });
    app = await createServiceApp({ config, module: StoresRestUnderContract });
    await app.listen(0, '127.0.0.1');
    providerBaseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app?.close());

  const reset = async () => {
    world = emptyWorld(dispatcher);
  };

  /** Stores and products under the states' ids (the REST commands would choose random ones), through the domain. */
  const stateHandlers = {
    'a store exists': {
      setup: async (params?: unknown) => {
        const { id, name, location = 'Level 1', participating = false } = params as StoreState;
        await world.stores.save(Store.create(id, name, location));
        if (participating) await app.get(CommandBus).execute(new EnableParticipationCommand(id));
      },
      teardown: reset,
    },
    'a product exists': {
      setup: async (params?: unknown) => {
        const { id, storeId, name, description = '', sku = '', price } = params as ProductState;
        await world.products.save(Product.add(id, { storeId, name, description, sku, price: Money.fromDecimal(price) }));
      },
      teardown: reset,
    },
  };

  it('verifies the committed pacts naming stores-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'stores-api', providerBaseUrl, stateHandlers });
  });
});
