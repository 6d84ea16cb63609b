import { status } from '@grpc/grpc-js';
import { NotFoundError, UnavailableError } from '@mallbots/ddd';
import { CustomersGrpcClient } from './customers.client.js';
import { CustomersStub } from './testing/customers-stub.server.js';

describe('CustomersGrpcClient (against a loopback CustomersService)', () => {
  let stub: CustomersStub;
  let client: CustomersGrpcClient;

  beforeEach(async () => {
    stub = await new CustomersStub().start();
    client = new CustomersGrpcClient(stub.address, { deadlineMs: 1_000, breakAfterFailures: 3, halfOpenAfterMs: 60_000 });
  });

  afterEach(async () => {
    client.onApplicationShutdown();
    await stub.stop();
  });

  it('returns the customer', async () => {
    stub.customers.set('c1', { id: 'c1', name: 'Ann', smsNumber: '555-0100', enabled: false });
    expect(await client.getCustomer('c1')).toEqual({ id: 'c1', name: 'Ann', smsNumber: '555-0100', enabled: false });
  });

  it('maps NOT_FOUND to NotFoundError, without retrying or counting it as a fault', async () => {
    for (let i = 0; i < 4; i++) await expect(client.getCustomer('nobody')).rejects.toBeInstanceOf(NotFoundError);
    expect(stub.calls).toHaveLength(4);
  });

  it('retries UNAVAILABLE once, then opens the circuit and fails fast', async () => {
    stub.failWith = status.UNAVAILABLE;
    await expect(client.getCustomer('c1')).rejects.toThrow('the customers service is unavailable');
    expect(stub.calls).toHaveLength(2);
    await expect(client.getCustomer('c1')).rejects.toBeInstanceOf(UnavailableError); // third fault: the circuit opens
    const before = stub.calls.length;
    await expect(client.getCustomer('c1')).rejects.toThrow('the customers service is unavailable (circuit open)');
    expect(stub.calls).toHaveLength(before);
  });

  it('answers UnavailableError when nothing listens (no address in the message)', async () => {
    const nowhere = new CustomersGrpcClient('127.0.0.1:1', { deadlineMs: 500 });
    const failure = await nowhere.getCustomer('c1').catch((err: unknown) => err);
    nowhere.onApplicationShutdown();
    expect(failure).toBeInstanceOf(UnavailableError);
    expect((failure as Error).message).not.toContain('127.0.0.1');
  });
});
