import { isMalformedMessageError } from '@mallbots/am';
import { createEvent } from '@mallbots/ddd';
import { ProductCacheProjector } from '../../application/product-cache/product-cache.projector.js';
import { StoreCacheProjector } from '../../application/store-cache/store-cache.projector.js';
import { InMemoryProductCache, InMemoryStoreCache } from '../../application/testing/in-memory-caches.js';
import { StoresMessage } from './baskets.messages.js';
import { ProductEventsConsumer } from './product-events.consumer.js';
import { StoreEventsConsumer } from './store-events.consumer.js';

describe('Stores event consumers → caches', () => {
  let products: InMemoryProductCache;
  let stores: InMemoryStoreCache;
  let productEvents: ProductEventsConsumer;
  let storeEvents: StoreEventsConsumer;
  const cached = async (id: string) => {
    const found = await products.find(id);
    return found && !found.removed ? [found.product.name, found.product.price.cents] : found;
  };

  beforeEach(() => {
    products = new InMemoryProductCache();
    stores = new InMemoryStoreCache();
    productEvents = new ProductEventsConsumer(new ProductCacheProjector(products));
    storeEvents = new StoreEventsConsumer(new StoreCacheProjector(stores));
  });

  it('follows a product through its events with exact prices (increases and decreases are signed deltas)', async () => {
    await productEvents.productAdded(createEvent(StoresMessage.ProductAdded, { id: 'p-1', storeId: 's-1', name: 'Wizard', description: 'd', sku: 'sku', price: 9.99 }));
    await productEvents.productPriceChanged(createEvent(StoresMessage.ProductPriceIncreased, { id: 'p-1', delta: 0.01 }));
    await productEvents.productPriceChanged(createEvent(StoresMessage.ProductPriceIncreased, { id: 'p-1', delta: 0.1 }));
    await productEvents.productPriceChanged(createEvent(StoresMessage.ProductPriceDecreased, { id: 'p-1', delta: -0.2 }));
    await productEvents.productRebranded(createEvent(StoresMessage.ProductRebranded, { id: 'p-1', name: 'Wizard II', description: '' }));
    expect(await cached('p-1')).toEqual(['Wizard II', 990]);
    await productEvents.productRemoved(createEvent(StoresMessage.ProductRemoved, { id: 'p-1' }));
    expect(await cached('p-1')).toEqual({ removed: true, id: 'p-1' });
  });

  it('keeps store names from StoreCreated and StoreRebranded', async () => {
    await storeEvents.storeCreated(createEvent(StoresMessage.StoreCreated, { id: 's-1', name: 'NewStore', location: 'x' }));
    await storeEvents.storeRebranded(createEvent(StoresMessage.StoreRebranded, { id: 's-1', name: 'RebrandedStore' }));
    expect(await stores.find('s-1')).toMatchObject({ id: 's-1', name: 'RebrandedStore' });
  });

  it.each([
    ['a price with fractions of a cent', () => productEvents.productAdded(createEvent(StoresMessage.ProductAdded, { id: 'p-2', storeId: 's-1', name: 'x', description: '', sku: '', price: 1.005 }))],
    ['a delta with fractions of a cent', () => productEvents.productPriceChanged(createEvent(StoresMessage.ProductPriceIncreased, { id: 'p-2', delta: 0.001 }))],
    ['a product without a store', () => productEvents.productAdded(createEvent(StoresMessage.ProductAdded, { id: 'p-2', storeId: '', name: 'x', description: '', sku: '', price: 1 }))],
    ['a store without an id', () => storeEvents.storeCreated(createEvent(StoresMessage.StoreCreated, { id: '', name: 'x', location: '' }))],
  ])('dead-letters %s at once (MalformedMessageError) rather than retrying it', async (_what, handle) => {
    const err = await handle().catch((e: unknown) => e);
    expect(isMalformedMessageError(err)).toBe(true);
    expect(products.rows.size + stores.rows.size).toBe(0);
  });
});
