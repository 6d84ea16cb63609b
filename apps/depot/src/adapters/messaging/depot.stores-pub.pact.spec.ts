// Contract depot-sub → stores-pub (reference-behaviour §12.3, requirements R05): the Stores events the depot keeps
// its store and product caches from (no price events: the depot keeps no prices). Each interaction's message is
// decoded with the depot's own codecs and handled by the real consumer and projector, into the in-memory caches.
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import { ProductCacheProjector } from '../../application/product-cache/product-cache.projector.js';
import { StoreCacheProjector } from '../../application/store-cache/store-cache.projector.js';
import { InMemoryProductCache, InMemoryStoreCache } from '../../application/testing/in-memory-caches.js';
import { depotRegistry, StoresChannel, StoresMessage } from './depot.messages.js';
import { ProductEventsConsumer } from './product-events.consumer.js';
import { StoreEventsConsumer } from './store-events.consumer.js';

const { like, number, uuid } = MatchersV3;

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// Stores generates these ids (UUIDs); the provider states seed a store and a product under them.
const STORE_ID = '5f0c6a8e-2b1d-4c3e-9a7f-0e1d2c3b4a50';
const PRODUCT_ID = '9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c61';
const STORE_STATE = { id: STORE_ID, name: 'NewStore' };
const PRODUCT_STATE = { id: PRODUCT_ID, storeId: STORE_ID, name: 'Wizard w/ crystal', price: 9.99 };

describe('depot-sub ← stores-pub (message pact)', () => {
  const contract = consumerContract('depot-sub', 'stores-pub');
  const registry = depotRegistry();
  let stores: InMemoryStoreCache;
  let products: InMemoryProductCache;
  let storeEvents: StoreEventsConsumer;
  let productEvents: ProductEventsConsumer;

  /** The cache as the state's ProductAdded left it. */
  const givenProduct = () => products.added({ id: PRODUCT_ID, storeId: STORE_ID, name: PRODUCT_STATE.name });

  beforeEach(() => {
    stores = new InMemoryStoreCache();
    products = new InMemoryProductCache();
    storeEvents = new StoreEventsConsumer(new StoreCacheProjector(stores));
    productEvents = new ProductEventsConsumer(new ProductCacheProjector(products));
  });

  afterAll(() => contract.expectCommitted());

  it('caches a new store, with its location, from StoreCreated', () =>
    contract.pact
      .addAsynchronousInteraction()
      .expectsToReceive('a StoreCreated message', (b) =>
        b
          .withJSONContent({ id: uuid(STORE_ID), name: nonBlank('NewStore'), location: nonBlank('NewLocation') })
          .withMetadata({ subject: StoresChannel.Store, name: StoresMessage.StoreCreated }),
      )
      .executeTest(async (message) => {
        await storeEvents.storeCreated(pactEvent(registry, message));
        expect(await stores.find(STORE_ID)).toEqual({ id: STORE_ID, name: 'NewStore', location: 'NewLocation' });
      }));

  it('renames a cached store from StoreRebranded, keeping its location', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a store exists', STORE_STATE)
      .expectsToReceive('a StoreRebranded message', (b) =>
        b.withJSONContent({ id: uuid(STORE_ID), name: nonBlank('RebrandedStore') }).withMetadata({ subject: StoresChannel.Store, name: StoresMessage.StoreRebranded }),
      )
      .executeTest(async (message) => {
        await stores.created({ ...STORE_STATE, location: 'NewLocation' });
        await storeEvents.storeRebranded(pactEvent(registry, message));
        expect(await stores.find(STORE_ID)).toEqual({ id: STORE_ID, name: 'RebrandedStore', location: 'NewLocation' });
      }));

  it('caches a new product from ProductAdded', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a store exists', STORE_STATE)
      .expectsToReceive('a ProductAdded message', (b) =>
        b
          .withJSONContent({
            id: uuid(PRODUCT_ID),
            storeId: uuid(STORE_ID),
            name: nonBlank('Wizard w/ crystal'),
            description: like('A crystal ball on a stick'),
            sku: like('wizard-1'),
            price: number(9.99),
          })
          .withMetadata({ subject: StoresChannel.Product, name: StoresMessage.ProductAdded }),
      )
      .executeTest(async (message) => {
        await productEvents.productAdded(pactEvent(registry, message));
        expect(await products.find(PRODUCT_ID)).toEqual({ removed: false, product: { id: PRODUCT_ID, storeId: STORE_ID, name: 'Wizard w/ crystal' } });
      }));

  it('renames a cached product from ProductRebranded', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a product exists', PRODUCT_STATE)
      .expectsToReceive('a ProductRebranded message', (b) =>
        b
          .withJSONContent({ id: uuid(PRODUCT_ID), name: nonBlank('Wizard w/ sapphire'), description: like('A sapphire on a stick') })
          .withMetadata({ subject: StoresChannel.Product, name: StoresMessage.ProductRebranded }),
      )
      .executeTest(async (message) => {
        await givenProduct();
        await productEvents.productRebranded(pactEvent(registry, message));
        expect(await products.find(PRODUCT_ID)).toEqual({ removed: false, product: { id: PRODUCT_ID, storeId: STORE_ID, name: 'Wizard w/ sapphire' } });
      }));

  it('marks a cached product removed from ProductRemoved', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a product exists', PRODUCT_STATE)
      .expectsToReceive('a ProductRemoved message', (b) =>
        b.withJSONContent({ id: uuid(PRODUCT_ID) }).withMetadata({ subject: StoresChannel.Product, name: StoresMessage.ProductRemoved }),
      )
      .executeTest(async (message) => {
        await givenProduct();
        await productEvents.productRemoved(pactEvent(registry, message));
        expect(await products.find(PRODUCT_ID)).toEqual({ removed: true, id: PRODUCT_ID });
      }));
});
