// StoresGrpcClient against a real gRPC server on loopback (the test's stub): deadlines, the circuit breaker, the
// retry of unreachable calls and the mapping of gRPC statuses to typed errors. No other infrastructure needed.
import { status } from '@grpc/grpc-js';
import { NotFoundError, UnavailableError, InternalError } from '@mallbots/ddd';
import { StoresGrpcClient } from './stores.client.js';
import { StoresStub } from './testing/stores-stub.server.js';

describe('StoresGrpcClient', () => {
  let stub: StoresStub;
  let client: StoresGrpcClient;

  beforeEach(async () => {
    stub = await new StoresStub().start();
    stub.stores.set('s-1', { id: 's-1', name: 'Store One', location: 'Upper level', participating: true });
    stub.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', description: '', sku: 'W1', price: 9.99 });
    client = new StoresGrpcClient(stub.address, { deadlineMs: 300, breakAfterFailures: 3, halfOpenAfterMs: 300, retries: 1 });
  });

  afterEach(async () => {
    client.close();
    await stub.stop();
  });

  it('reads a product with its price in exact cents, and a store', async () => {
    const product = await client.getProduct('p-1');
    expect({ ...product, price: product.price.cents }).toEqual({ id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', price: 999 });
    expect(await client.getStore('s-1')).toEqual({ id: 's-1', name: 'Store One' });
  });

  it('answers NOT_FOUND as NotFoundError, which never opens the circuit', async () => {
    for (let i = 0; i < 5; i++) await expect(client.getProduct('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getStore('nope')).rejects.toThrow('store with that ID does not exist');
    expect(stub.callsFor('nope')).toBe(6);
    await expect(client.getProduct('p-1')).resolves.toMatchObject({ id: 'p-1' });
  });

  it('ends a call that gets no answer at its deadline (UnavailableError)', async () => {
    stub.failures.push('hang');
    const started = Date.now();
    const err = await client.getProduct('p-1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect((err as Error).message).toBe('the stores service did not answer in time');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries a call that could not reach Stores once', async () => {
    stub.failures.push({ code: status.UNAVAILABLE, details: 'connection reset' });
    await expect(client.getProduct('p-1')).resolves.toMatchObject({ id: 'p-1' });
    expect(stub.callsFor('p-1')).toBe(2);
  });

  it('opens the circuit after consecutive faults, fails fast while open, and closes again once Stores answers', async () => {
    for (let i = 0; i < 3; i++) stub.failures.push({ code: status.INTERNAL, details: 'boom' });
    for (let i = 0; i < 3; i++) await expect(client.getProduct('p-1')).rejects.toMatchObject({ name: 'InternalError', message: 'the stores service failed' });
    expect(stub.callsFor('p-1')).toBe(3);

    const open = await client.getProduct('p-1').catch((e: unknown) => e);
    expect(open).toBeInstanceOf(UnavailableError);
    expect((open as Error).message).toBe('the stores service is unavailable (circuit open)');
    expect(stub.callsFor('p-1')).toBe(3); // never reached Stores

    await new Promise((resolve) => setTimeout(resolve, 350)); // halfOpenAfterMs: the next call is a trial
    await expect(client.getProduct('p-1')).resolves.toMatchObject({ id: 'p-1' });
    await expect(client.getStore('s-1')).resolves.toMatchObject({ id: 's-1' });
  });

  it('maps an unreachable Stores to UnavailableError, without the transport’s details (address) in the text', async () => {
    const nowhere = new StoresGrpcClient('127.0.0.1:1', { deadlineMs: 300, retries: 0 });
    try {
      await expect(nowhere.getStore('s-1')).rejects.toMatchObject({ name: 'UnavailableError', message: 'the stores service is unavailable' });
    } finally {
      nowhere.close();
    }
  });

  it('refuses a price with fractions of a cent as a Stores fault, not the caller’s', async () => {
    stub.products.set('p-odd', { id: 'p-odd', storeId: 's-1', name: 'Odd', description: '', sku: '', price: 1.005 });
    await expect(client.getProduct('p-odd')).rejects.toBeInstanceOf(InternalError);
  });
});
