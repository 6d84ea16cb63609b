import { NotFoundError } from '@mallbots/ddd';
import { CachedCustomer } from '../../domain/index.js';
import { InMemoryCustomerCache } from '../testing/in-memory.js';
import { GetRecipientHandler } from './get-recipient.handler.js';
import { GetRecipientQuery } from './get-recipient.query.js';

describe('GetRecipientHandler', () => {
  const cache = new InMemoryCustomerCache();
  const handler = new GetRecipientHandler(cache);

  it('answers the cached number and whether the customer is enabled', async () => {
    await cache.save(CachedCustomer.fromState({ id: 'c-1', name: 'Alice', smsNumber: '555-0199', enabled: false }), true, 'event');
    await expect(handler.execute(new GetRecipientQuery('c-1'))).resolves.toEqual({ customerId: 'c-1', name: 'Alice', smsNumber: '555-0199', enabled: false });
  });

  it('counts a customer with no status yet as enabled, and leaves out what it does not know', async () => {
    await cache.save(CachedCustomer.fromState({ id: 'c-2', smsNumber: '555-0102' }), true, 'event');
    await expect(handler.execute(new GetRecipientQuery('c-2'))).resolves.toEqual({ customerId: 'c-2', smsNumber: '555-0102', enabled: true });
  });

  it('is NotFound for a customer notifications has not heard of', async () => {
    await expect(handler.execute(new GetRecipientQuery('nobody'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
