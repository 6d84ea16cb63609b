// CustomersGrpcClient and StoresGrpcClient against one real gRPC server on loopback (OwnersStub): the names search
// keeps of the owners' answers. Deadlines, retry, circuit breaker and error mapping are ResilientGrpcClient's,
// tested in libs/platform.
import { NotFoundError } from '@mallbots/ddd';
import { OwnersStub } from '@mallbots/platform/testing';
import { CustomersGrpcClient } from './customers.client.js';
import { StoresGrpcClient } from './stores.client.js';

describe('search’s owner clients', () => {
  let owners: OwnersStub;
  let customers: CustomersGrpcClient;
  let stores: StoresGrpcClient;

  beforeAll(async () => {
    owners = await new OwnersStub().start();
    owners.customers.set('c-1', { id: 'c-1', name: 'Pat', smsNumber: '555', enabled: true });
    owners.stores.set('s-1', { id: 's-1', name: 'Store One', location: 'Upper level', participating: true });
    owners.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard', description: 'w/ crystal', sku: 'W1', price: 9.99 });
    customers = new CustomersGrpcClient(owners.address, { deadlineMs: 1_000 });
    stores = new StoresGrpcClient(owners.address, { deadlineMs: 1_000 });
  });

  afterAll(async () => {
    customers.close();
    stores.close();
    await owners.stop();
  });

  it('reads a customer’s name, a store’s name and a product’s name with its store', async () => {
    expect(await customers.getCustomerName('c-1')).toBe('Pat');
    expect(await stores.getStoreName('s-1')).toBe('Store One');
    expect(await stores.getProduct('p-1')).toEqual({ id: 'p-1', storeId: 's-1', name: 'Wizard' });
  });

  it('answers an id the owner does not know with NotFoundError', async () => {
    await expect(customers.getCustomerName('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(stores.getStoreName('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(stores.getProduct('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
