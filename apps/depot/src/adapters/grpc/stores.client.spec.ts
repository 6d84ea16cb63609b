// StoresGrpcClient against a real gRPC server on loopback (the test's stub): what depot reads, deadlines, the
// circuit breaker and the mapping of gRPC statuses to typed errors. No other infrastructure needed.
import { status } from '@grpc/grpc-js';
import { NotFoundError } from '@mallbots/ddd';
import { StoresGrpcClient } from './stores.client.js';
import { StoresStub } from './testing/stores-stub.server.js';

describe('StoresGrpcClient (depot)', () => {
  let stub: StoresStub;
  let client: StoresGrpcClient;

  beforeEach(async () => {
    stub = await new StoresStub().start();
    stub.stores.set('s-1', { id: 's-1', name: 'Store One', location: 'Upper level', participating: true });
    stub.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', description: '', sku: 'W1', price: 9.99 });
    client = new StoresGrpcClient(stub.address, { deadlineMs: 300, breakAfterFailures: 2, halfOpenAfterMs: 60_000, retries: 0 });
  });

  afterEach(async () => {
    client.close();
    await stub.stop();
  });

  it('reads a store with its location and a product without its price', async () => {
    expect(await client.getStore('s-1')).toEqual({ id: 's-1', name: 'Store One', location: 'Upper level' });
    expect(await client.getProduct('p-1')).toEqual({ id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal' });
    expect(stub.calls).toEqual([{ method: 'GetStore', id: 's-1' }, { method: 'GetProduct', id: 'p-1' }]);
  });

  it('answers NOT_FOUND as NotFoundError, which never opens the circuit', async () => {
    for (let i = 0; i < 3; i++) await expect(client.getStore('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getStore('s-1')).resolves.toMatchObject({ id: 's-1' });
  });

  it('ends a call that gets no answer at its deadline, then fails fast once the circuit is open', async () => {
    stub.failures.push('hang', { code: status.UNAVAILABLE, details: 'down' });
    await expect(client.getProduct('p-1')).rejects.toMatchObject({ name: 'UnavailableError', message: 'the stores service did not answer in time' });
    await expect(client.getProduct('p-1')).rejects.toMatchObject({ name: 'UnavailableError', message: 'the stores service is unavailable' });
    await expect(client.getProduct('p-1')).rejects.toMatchObject({ name: 'UnavailableError', message: 'the stores service is unavailable (circuit open)' });
    expect(stub.callsFor('p-1')).toBe(2);
  });
});
