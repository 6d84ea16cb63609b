// StoresGrpcClient against a real gRPC server on loopback (OwnersStub): baskets' own mapping of Stores' answers.
// Deadlines, retry, circuit breaker and error mapping are ResilientGrpcClient's, tested in libs/platform.
import { InternalError, NotFoundError } from '@mallbots/ddd';
import { OwnersStub } from '@mallbots/platform/testing';
import { StoresGrpcClient } from './stores.client.js';

describe('StoresGrpcClient (baskets)', () => {
  let stub: OwnersStub;
  let client: StoresGrpcClient;

  beforeAll(async () => {
    stub = await new OwnersStub().start();
    stub.stores.set('s-1', { id: 's-1', name: 'Store One', location: 'Upper level', participating: true });
    stub.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', description: '', sku: 'W1', price: 9.99 });
    stub.products.set('p-odd', { id: 'p-odd', storeId: 's-1', name: 'Odd', description: '', sku: '', price: 1.005 });
    client = new StoresGrpcClient(stub.address, { deadlineMs: 1_000 });
  });

  afterAll(async () => {
    client.close();
    await stub.stop();
  });

  it('reads a product with its price in exact cents, and a store by its name', async () => {
    const product = await client.getProduct('p-1');
    expect({ ...product, price: product.price.cents }).toEqual({ id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', price: 999 });
    expect(await client.getStore('s-1')).toEqual({ id: 's-1', name: 'Store One' });
  });

  it('answers an id Stores does not know with NotFoundError', async () => {
    await expect(client.getProduct('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getStore('nope')).rejects.toThrow('store with that ID does not exist');
  });

  it('refuses a price with fractions of a cent as a Stores fault, not the caller’s', async () => {
    await expect(client.getProduct('p-odd')).rejects.toBeInstanceOf(InternalError);
  });
});
