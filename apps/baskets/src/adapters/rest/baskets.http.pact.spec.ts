// Provider verification of baskets-api: the REST adapter as the service serves it — the platform's Nest
// application (createServiceApp: body limits, the whitelisting ValidationPipe), the real controller, command and
// query handlers, catalog, cache projectors and integration-event publisher, the platform's ErrorFilter — on a real
// HTTP port, with the book's test doubles behind the application's ports: the event-sourced repository (libs/es)
// on in-memory event and snapshot stores, in-memory caches and a fake Stores service (requirements §2.13, R04).
// It verifies every committed pact naming baskets-api (pacts/kiosk-baskets-api.json) and the reference UI's own
// pact (pacts/reference/baskets-ui-baskets-api.json), so the reference's front end keeps working against us.
import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { ResettableWorld, type RestContractApp, startRestContractApp, withTeardown } from '@mallbots/platform/testing';
import { pactsDir, verifyHttpProvider } from '@mallbots/testing/pact';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { AddItemCommand } from '../../application/add-item/add-item.command.js';
import { AddItemHandler } from '../../application/add-item/add-item.handler.js';
import { CancelBasketCommand } from '../../application/cancel-basket/cancel-basket.command.js';
import { CancelBasketHandler } from '../../application/cancel-basket/cancel-basket.handler.js';
import { Catalog } from '../../application/catalog/catalog.service.js';
import { CheckoutBasketCommand } from '../../application/checkout-basket/checkout-basket.command.js';
import { CheckoutBasketHandler } from '../../application/checkout-basket/checkout-basket.handler.js';
import { GetBasketHandler } from '../../application/get-basket/get-basket.handler.js';
import { BASKET_REPOSITORY } from '../../application/ports/basket.repository.port.js';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { PRODUCT_CACHE } from '../../application/ports/product-cache.port.js';
import { STORE_CACHE } from '../../application/ports/store-cache.port.js';
import { STORES_SERVICE } from '../../application/ports/stores-service.port.js';
import { ProductCacheProjector } from '../../application/product-cache/product-cache.projector.js';
import { RemoveItemHandler } from '../../application/remove-item/remove-item.handler.js';
import { StartBasketHandler } from '../../application/start-basket/start-basket.handler.js';
import { StoreCacheProjector } from '../../application/store-cache/store-cache.projector.js';
import { FakeStoresService } from '../../application/testing/fake-stores.service.js';
import { InMemoryProductCache, InMemoryStoreCache } from '../../application/testing/in-memory-caches.js';
import { Basket } from '../../domain/index.js';
import { BasketIntegrationEvents } from '../messaging/basket-integration-events.js';
import { basketsRegistry } from '../messaging/baskets.messages.js';
import { EventSourcedBasketRepository } from '../postgres/basket.es.repository.js';
import { BasketsRestController } from './baskets.rest.controller.js';

/** What the doubles hold; replaced after every interaction, so each starts from nothing but its own states. */
function emptyWorld(dispatcher: EventDispatcher) {
  return {
    baskets: new EventSourcedBasketRepository({ eventStore: new InMemoryEventStore(), snapshotStore: new InMemorySnapshotStore(), tx: new InMemoryTransactionRunner(), dispatcher }),
    stores: new InMemoryStoreCache(),
    products: new InMemoryProductCache(),
    remote: new FakeStoresService(),
    outbox: new RecordingPublisher(),
  };
}

const dispatcher = new EventDispatcher();
const world = new ResettableWorld(() => emptyWorld(dispatcher));

/** The providers of BasketsModule.forRoot with the doubles in place of PostgreSQL, NATS and the Stores gRPC client. */
const providers: Provider[] = [
  { provide: DOMAIN_EVENTS, useValue: dispatcher },
  { provide: BASKET_REPOSITORY, useValue: world.port((w) => w.baskets) },
  { provide: STORE_CACHE, useValue: world.port((w) => w.stores) },
  { provide: PRODUCT_CACHE, useValue: world.port((w) => w.products) },
  { provide: STORES_SERVICE, useValue: world.port((w) => w.remote) },
  { provide: EVENT_PUBLISHER, useValue: world.port((w) => w.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: basketsRegistry() },
  Catalog,
  StartBasketHandler,
  AddItemHandler,
  RemoveItemHandler,
  CancelBasketHandler,
  CheckoutBasketHandler,
  GetBasketHandler,
  StoreCacheProjector,
  ProductCacheProjector,
  BasketIntegrationEvents,
];

// The reference UI's pact names states without parameters ("a store exists") or with an id only; these fill the gaps.
const DEFAULT_STORE = { id: 'store-id', name: 'Store' };
const DEFAULT_PRODUCT = { storeId: DEFAULT_STORE.id, name: 'Product', price: 9.99 };

interface BasketState {
  id: string;
  customerId?: string;
  status?: 'open' | 'checked_out' | 'canceled';
  items?: Array<{ productId: string; quantity: number }>;
}

describe('baskets-api (REST) honours the pacts of its consumers', () => {
  let rest: RestContractApp;
  beforeAll(async () => {
    rest = await startRestContractApp({ service: 'baskets', controllers: [BasketsRestController], providers });
  });
  afterAll(() => rest?.close());

  /** Each state is put in place the way the service would get there: Stores' events, then the kiosk's commands. */
  const stateHandlers = withTeardown(world.reset, {
    'a store exists': async (params?: unknown) => {
      const { id, name } = { ...DEFAULT_STORE, ...(params as Partial<typeof DEFAULT_STORE>) };
      await rest.app.get(StoreCacheProjector).storeCreated({ id, name });
    },
    'a product exists': async (params?: unknown) => {
      const { id, storeId, name, price } = { ...DEFAULT_PRODUCT, ...(params as { id: string } & Partial<typeof DEFAULT_PRODUCT>) };
      await rest.app.get(ProductCacheProjector).productAdded({ id, storeId, name, price: Money.fromDecimal(price) });
    },
    'a basket exists': async (params?: unknown) => {
      const { id, customerId = 'customer-id', status = 'open', items = [] } = params as BasketState;
      // Started under the state's id (the REST start would choose a random one), then filled and moved on by the
      // application's own commands.
      await world.current.baskets.save(Basket.start(id, customerId));
      const commands = rest.app.get(CommandBus);
      for (const item of items) await commands.execute(new AddItemCommand(id, item.productId, item.quantity));
      if (status === 'checked_out') await commands.execute(new CheckoutBasketCommand(id, 'payment-id'));
      if (status === 'canceled') await commands.execute(new CancelBasketCommand(id));
    },
  });

  it('verifies the committed pacts naming baskets-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'baskets-api', providerBaseUrl: rest.url, stateHandlers });
  });

  it('verifies the reference UI’s pact (baskets-ui)', async () => {
    await verifyHttpProvider({ provider: 'baskets-api', providerBaseUrl: rest.url, stateHandlers, pactUrls: [join(pactsDir(), 'reference', 'baskets-ui-baskets-api.json')] });
  });
});
