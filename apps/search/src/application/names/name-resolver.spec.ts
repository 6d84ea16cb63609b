import { UnavailableError } from '@mallbots/ddd';
import type { CreatedOrder } from '../../domain/index.js';
import { FakeNameCache, FakeProductCache, FakeRemoteServices } from '../testing/fakes.js';
import { NameResolver } from './name-resolver.js';

describe('NameResolver', () => {
  let customers: FakeNameCache;
  let stores: FakeNameCache;
  let products: FakeProductCache;
  let remote: FakeRemoteServices;
  let resolver: NameResolver;
  const order: CreatedOrder = {
    id: 'o1',
    customerId: 'c1',
    paymentId: 'pay',
    occurredAt: new Date(),
    items: [
      { productId: 'p1', storeId: 's1', price: 1, quantity: 1 },
      { productId: 'p2', storeId: 's1', price: 1, quantity: 1 },
      { productId: 'p1', storeId: 's1', price: 1, quantity: 2 },
    ],
  };

  beforeEach(() => {
    customers = new FakeNameCache();
    stores = new FakeNameCache();
    products = new FakeProductCache();
    remote = new FakeRemoteServices();
    resolver = new NameResolver(customers, stores, products, remote, remote);
  });

  it('answers from the caches without calling anyone', async () => {
    customers.names.set('c1', 'John');
    stores.names.set('s1', 'Store One');
    products.products.set('p1', { id: 'p1', storeId: 's1', name: 'Broom' });
    products.products.set('p2', { id: 'p2', storeId: 's1', name: 'Mop' });
    const names = await resolver.namesFor(order);
    expect([names.customerName, names.product('p2')?.name, names.storeName('s1')]).toEqual(['John', 'Mop', 'Store One']);
    expect(remote.calls).toEqual([]);
  });

  it('asks the owning service on a miss, once per id, and caches the answer', async () => {
    remote.customers.set('c1', 'John');
    remote.stores.set('s1', 'Store One');
    remote.products.set('p1', { id: 'p1', storeId: 's1', name: 'Broom' });
    remote.products.set('p2', { id: 'p2', storeId: 's1', name: 'Mop' });
    const names = await resolver.namesFor(order);
    expect([names.customerName, names.product('p1')?.name, names.storeName('s1')]).toEqual(['John', 'Broom', 'Store One']);
    expect(remote.calls).toEqual(['GetCustomer c1', 'GetProduct p1', 'GetProduct p2', 'GetStore s1']);
    expect([customers.fallbacks, products.fallbacks, stores.fallbacks]).toEqual([['c1'], ['p1', 'p2'], ['s1']]);
  });

  it('leaves the names of ids nobody knows empty, caching nothing', async () => {
    const names = await resolver.namesFor(order);
    expect([names.customerName, names.product('p1'), names.storeName('s1')]).toEqual(['', undefined, '']);
    expect([customers.fallbacks, products.fallbacks, stores.fallbacks]).toEqual([[], [], []]);
  });

  it('rethrows an outage, so the message is redelivered instead of projected without names', async () => {
    remote.failure = new UnavailableError('the customers service is unavailable');
    await expect(resolver.namesFor(order)).rejects.toThrow(UnavailableError);
  });
});
