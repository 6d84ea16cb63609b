import { NotFoundError } from '@mallbots/ddd';
import { OwnersStub } from '@mallbots/platform/testing';
import { CustomersGrpcClient } from './customers.client.js';

// Deadline, retry, breaker and error texts are the shared client's, tested in libs/platform; here only what
// notifications keeps of an answer.
describe('CustomersGrpcClient (against a loopback CustomersService)', () => {
  let stub: OwnersStub;
  let client: CustomersGrpcClient;

  beforeEach(async () => {
    stub = await new OwnersStub().start();
    client = new CustomersGrpcClient(stub.address, { deadlineMs: 1_000 });
  });

  afterEach(async () => {
    client.close();
    await stub.stop();
  });

  it('returns the customer: name, SMS number and whether it is enabled', async () => {
    stub.customers.set('c1', { id: 'c1', name: 'Ann', smsNumber: '555-0100', enabled: false });
    expect(await client.getCustomer('c1')).toEqual({ id: 'c1', name: 'Ann', smsNumber: '555-0100', enabled: false });
  });

  it('an unknown customer is NotFoundError', async () => {
    await expect(client.getCustomer('nobody')).rejects.toBeInstanceOf(NotFoundError);
    expect(stub.callsFor('nobody')).toBe(1);
  });
});
