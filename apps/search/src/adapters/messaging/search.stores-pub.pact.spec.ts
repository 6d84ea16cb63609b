// Contract search-sub → stores-pub: the Stores events search keeps the store and product names of its order read
// model from (no price events). Each interaction's message is decoded with search's own codecs and handled by the
// real consumer, into the in-memory name caches.
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import type { CachedProduct, ProductCache } from '../../application/ports/name-caches.port.js';
import { FakeNameCache } from '../../application/testing/fakes.js';
import { ProductEventsConsumer } from './product-events.consumer.js';
import { SearchChannel, SearchMessage, searchRegistry } from './search.messages.js';
import { StoreEventsConsumer } from './store-events.consumer.js';

const { like, number, uuid } = MatchersV3;

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// Stores generates these ids (UUIDs); the provider states seed a store and a product under them.
const STORE_ID = '5f0c6a8e-2b1d-4c3e-9a7f-0e1d2c3b4a50';
const PRODUCT_ID = '9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c61';
const STORE_STATE = { id: STORE_ID, name: 'NewStore' };
const PRODUCT_STATE = { id: PRODUCT_ID, storeId: STORE_ID, name: 'Wizard w/ crystal', price: 9.99 };

/**
 * products_cache in memory with the PostgreSQL adapter's rebrand and removal (the shared FakeProductCache ignores
 * both): a removed product keeps its row and name, for the orders that hold it.
 */
class InMemoryProductCache implements ProductCache {
  readonly products = new Map<string, CachedProduct>();
  readonly removed = new Set<string>();

  async find(id: string): Promise<CachedProduct | undefined> {
    return this.products.get(id);
  }

  async added(product: CachedProduct): Promise<void> {
    this.products.set(product.id, product);
  }

  async cacheFallback(product: CachedProduct): Promise<void> {
    if (!this.products.has(product.id)) this.products.set(product.id, product);
  }

  async rebrand(id: string, name: string): Promise<void> {
    const product = this.products.get(id);
    if (product) this.products.set(id, { ...product, name });
  }

  async remove(id: string): Promise<void> {
    if (this.products.has(id)) this.removed.add(id);
  }
}

describe('search-sub ← stores-pub (message pact)', () => {
  const contract = consumerContract('search-sub', 'stores-pub');
  const registry = searchRegistry();
  let stores: FakeNameCache;
  let products: InMemoryProductCache;
  let storeEvents: StoreEventsConsumer;
  let productEvents: ProductEventsConsumer;

  /** The cache as the state's ProductAdded left it. */
  const givenProduct = () => products.added({ id: PRODUCT_ID, storeId: STORE_ID, name: PRODUCT_STATE.name });

  beforeEach(() => {
    stores = new FakeNameCache();
    products = new InMemoryProductCache();
    storeEvents = new StoreEventsConsumer(stores);
    productEvents = new ProductEventsConsumer(products);
  });

  afterAll(() => contract.expectCommitted());

  it('caches the name of a new store from StoreCreated', () =>
    contract.pact
      .addAsynchronousInteraction()
      .expectsToReceive('a StoreCreated message', (b) =>
        b
          .withJSONContent({ id: uuid(STORE_ID), name: nonBlank('NewStore'), location: nonBlank('NewLocation') })
          .withMetadata({ subject: SearchChannel.Stores, name: SearchMessage.StoreCreated }),
      )
      .executeTest(async (message) => {
        await storeEvents.storeCreated(pactEvent(registry, message));
        expect(await stores.findName(STORE_ID)).toBe('NewStore');
      }));

  it('renames a cached store from StoreRebranded', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a store exists', STORE_STATE)
      .expectsToReceive('a StoreRebranded message', (b) =>
        b.withJSONContent({ id: uuid(STORE_ID), name: nonBlank('RebrandedStore') }).withMetadata({ subject: SearchChannel.Stores, name: SearchMessage.StoreRebranded }),
      )
      .executeTest(async (message) => {
        await stores.created(STORE_ID, STORE_STATE.name);
        await storeEvents.storeRebranded(pactEvent(registry, message));
        expect(await stores.findName(STORE_ID)).toBe('RebrandedStore');
      }));

  it('caches a new product with its store from ProductAdded', () =>
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
          .withMetadata({ subject: SearchChannel.Products, name: SearchMessage.ProductAdded }),
      )
      .executeTest(async (message) => {
        await productEvents.productAdded(pactEvent(registry, message));
        expect(await products.find(PRODUCT_ID)).toEqual({ id: PRODUCT_ID, storeId: STORE_ID, name: 'Wizard w/ crystal' });
      }));

  it('renames a cached product from ProductRebranded', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a product exists', PRODUCT_STATE)
      .expectsToReceive('a ProductRebranded message', (b) =>
        b
          .withJSONContent({ id: uuid(PRODUCT_ID), name: nonBlank('Wizard w/ sapphire'), description: like('A sapphire on a stick') })
          .withMetadata({ subject: SearchChannel.Products, name: SearchMessage.ProductRebranded }),
      )
      .executeTest(async (message) => {
        await givenProduct();
        await productEvents.productRebranded(pactEvent(registry, message));
        expect(await products.find(PRODUCT_ID)).toEqual({ id: PRODUCT_ID, storeId: STORE_ID, name: 'Wizard w/ sapphire' });
      }));

  it('marks a cached product removed (keeping its name for old orders) from ProductRemoved', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a product exists', PRODUCT_STATE)
      .expectsToReceive('a ProductRemoved message', (b) =>
        b.withJSONContent({ id: uuid(PRODUCT_ID) }).withMetadata({ subject: SearchChannel.Products, name: SearchMessage.ProductRemoved }),
      )
      .executeTest(async (message) => {
        await givenProduct();
        await productEvents.productRemoved(pactEvent(registry, message));
        expect([...products.removed]).toEqual([PRODUCT_ID]);
        expect(await products.find(PRODUCT_ID)).toMatchObject({ name: 'Wizard w/ crystal' });
      }));
});
