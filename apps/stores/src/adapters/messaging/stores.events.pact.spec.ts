// Provider verification of stores-pub (reference-behaviour §12.3, requirements R05): every committed pact of
// baskets, depot and search on the Stores events. Each message is produced by running the real command handler and
// domain on the event-sourced repositories (in-memory stores), with the projectors and the real integration-event
// adapter subscribed, and is the message that adapter wrote to the (recording) outbox, decoded by stores' codecs.
import type { MessageRegistry } from '@mallbots/am';
import { RecordingPublisher, toPactMessage } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { AggregateRepository, everyNEvents, InMemoryEventStore, InMemorySnapshotStore, type EventSourcedAggregate } from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { AddProductCommand } from '../../application/add-product/add-product.command.js';
import { AddProductHandler } from '../../application/add-product/add-product.handler.js';
import { CreateStoreCommand } from '../../application/create-store/create-store.command.js';
import { CreateStoreHandler } from '../../application/create-store/create-store.handler.js';
import { DecreaseProductPriceCommand } from '../../application/decrease-product-price/decrease-product-price.command.js';
import { DecreaseProductPriceHandler } from '../../application/decrease-product-price/decrease-product-price.handler.js';
import { IncreaseProductPriceCommand } from '../../application/increase-product-price/increase-product-price.command.js';
import { IncreaseProductPriceHandler } from '../../application/increase-product-price/increase-product-price.handler.js';
import { CatalogProjector } from '../../application/projections/catalog.projector.js';
import { MallProjector } from '../../application/projections/mall.projector.js';
import { RebrandProductCommand } from '../../application/rebrand-product/rebrand-product.command.js';
import { RebrandProductHandler } from '../../application/rebrand-product/rebrand-product.handler.js';
import { RebrandStoreCommand } from '../../application/rebrand-store/rebrand-store.command.js';
import { RebrandStoreHandler } from '../../application/rebrand-store/rebrand-store.handler.js';
import { RemoveProductCommand } from '../../application/remove-product/remove-product.command.js';
import { RemoveProductHandler } from '../../application/remove-product/remove-product.handler.js';
import { createStoresEventTypeRegistry, Product, ProductAggregateName, Store, StoreAggregateName } from '../../domain/index.js';
import { InMemoryCatalogRepository, InMemoryMallRepository } from '../../testing/stores.in-memory.js';
import { ProductEsRepository } from '../postgres/product.es.repository.js';
import { StoreEsRepository } from '../postgres/store.es.repository.js';
import { StoresIntegrationEvents } from './stores-integration-events.js';
import { storesRegistry } from './stores.messages.js';

/**
 * The stores application as stores.in-memory.ts wires it, but with its repositories at hand: the provider states
 * seed a store or product under the id the pact names, through the same repositories, projectors and adapter.
 */
function storesProvider(registry: MessageRegistry) {
  const dispatcher = new EventDispatcher();
  const eventStore = new InMemoryEventStore();
  const snapshotStore = new InMemorySnapshotStore();
  const eventTypes = createStoresEventTypeRegistry();
  const tx = new InMemoryTransactionRunner();
  const repository = <T extends EventSourcedAggregate>(streamName: string, factory: (id: string) => T) =>
    new AggregateRepository<T>({ streamName, factory, eventStore, snapshotStore, strategy: everyNEvents(3), registry: eventTypes, dispatcher, tx });
  const stores = new StoreEsRepository(repository(StoreAggregateName, (id) => new Store(id)));
  const products = new ProductEsRepository(repository(ProductAggregateName, (id) => new Product(id)));
  const outbox = new RecordingPublisher();
  new MallProjector(dispatcher, new InMemoryMallRepository()).onModuleInit();
  new CatalogProjector(dispatcher, new InMemoryCatalogRepository()).onModuleInit();
  new StoresIntegrationEvents(dispatcher, outbox, registry).onModuleInit();
  return { stores, products, outbox, seeded: { storeId: '', productId: '' } };
}

describe('stores-pub (message provider): the Stores events baskets, depot and search consume', () => {
  const registry = storesRegistry();
  let provider = storesProvider(registry);

  /** Runs one use case and answers the one message it published, as Pact sees it. */
  const produce = async (run: (p: ReturnType<typeof storesProvider>) => Promise<unknown>) => {
    const before = provider.outbox.messages.length;
    await run(provider);
    const published = provider.outbox.messages.slice(before);
    if (published.length !== 1) throw new Error(`expected one message, got ${published.map((m) => m.name).join(', ') || 'none'}`);
    return toPactMessage(registry, published[0]!);
  };
  /** For messages without a provider state: a provider nobody has touched. */
  const fresh = async (run: (p: ReturnType<typeof storesProvider>) => Promise<unknown>) => {
    provider = storesProvider(registry);
    return produce(run);
  };
  const seeded = (what: 'storeId' | 'productId') => {
    const id = provider.seeded[what];
    if (!id) throw new Error(`no provider state seeded a ${what === 'storeId' ? 'store' : 'product'}`);
    return id;
  };

  it('produces every Stores event its consumers’ committed pacts expect', () =>
    verifyMessageProvider({
      provider: 'stores-pub',
      consumers: ['baskets-sub', 'depot-sub', 'search-sub'],
      stateHandlers: {
        'a store exists': async (_state, params) => {
          provider = storesProvider(registry);
          await provider.stores.save(Store.create(String(params?.['id']), String(params?.['name']), 'NewLocation'));
          provider.seeded.storeId = String(params?.['id']);
        },
        'a product exists': async (_state, params) => {
          provider = storesProvider(registry);
          const storeId = String(params?.['storeId']);
          await provider.stores.save(Store.create(storeId, 'NewStore', 'NewLocation'));
          const price = Money.fromDecimal(Number(params?.['price']));
          await provider.products.save(Product.add(String(params?.['id']), { storeId, name: String(params?.['name']), description: 'A crystal ball on a stick', sku: 'wizard-1', price }));
          provider.seeded.storeId = storeId;
          provider.seeded.productId = String(params?.['id']);
        },
      },
      messageProviders: {
        'a StoreCreated message': () => fresh((p) => new CreateStoreHandler(p.stores).execute(new CreateStoreCommand('NewStore', 'NewLocation'))),
        'a StoreRebranded message': () => produce((p) => new RebrandStoreHandler(p.stores).execute(new RebrandStoreCommand(seeded('storeId'), 'RebrandedStore'))),
        'a ProductAdded message': () =>
          produce((p) =>
            new AddProductHandler(p.stores, p.products).execute(new AddProductCommand(seeded('storeId'), 'Wizard w/ crystal', 'A crystal ball on a stick', 'wizard-1', Money.fromDecimal(9.99))),
          ),
        'a ProductRebranded message': () =>
          produce((p) => new RebrandProductHandler(p.products).execute(new RebrandProductCommand(seeded('productId'), 'Wizard w/ sapphire', 'A sapphire on a stick'))),
        'a ProductPriceIncreased message': () =>
          produce(async (p) => {
            const id = seeded('productId');
            const { price } = await p.products.get(id);
            await new IncreaseProductPriceHandler(p.products).execute(new IncreaseProductPriceCommand(id, price.plus(Money.ofCents(101))));
          }),
        'a ProductPriceDecreased message': () =>
          produce(async (p) => {
            const id = seeded('productId');
            const { price } = await p.products.get(id);
            await new DecreaseProductPriceHandler(p.products).execute(new DecreaseProductPriceCommand(id, price.minus(Money.ofCents(101))));
          }),
        'a ProductRemoved message': () => produce((p) => new RemoveProductHandler(p.products).execute(new RemoveProductCommand(seeded('productId')))),
      },
    }));
});
