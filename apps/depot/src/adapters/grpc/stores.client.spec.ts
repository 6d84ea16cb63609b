// StoresGrpcClient against a real gRPC server on loopback (OwnersStub): what depot keeps of Stores' answers.
// Deadlines, retry, circuit breaker and error mapping are ResilientGrpcClient's, tested in libs/platform.
import { NotFoundError } from '@mallbots/ddd';
import { OwnersStub } from '@mallbots/platform/testing';
import { StoresGrpcClient } from './stores.client.js';

describe('StoresGrpcClient (depot)', () => {
  const stub = new OwnersStub();
  stub.stores.set('s-1', { id: 's-1', name: 'Store One', location: 'Upper level', participating: true });
  stub.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', description: '', sku: 'W1', price: 9.99 });
  let client: StoresGrpcClient;
  beforeAll(async () => void (client = new StoresGrpcClient((await stub.start()).address, { deadlineMs: 1_000 })));
  afterAll(() => (client.close(), stub.stop()));

  it('reads a store with its location and a product without its price', async () => {
    expect(await client.getStore('s-1')).toEqual({ id: 's-1', name: 'Store One', location: 'Upper level' });
    expect(await client.getProduct('p-1')).toEqual({ id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal' });
    expect(stub.calls).toEqual([{ method: 'GetStore', id: 's-1' }, { method: 'GetProduct', id: 'p-1' }]);
  });

  it('answers an id Stores does not know with NotFoundError', async () => {
    await expect(client.getStore('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getProduct('nope')).rejects.toThrow('product with that ID does not exist');
  });
});
