import { InvalidArgumentError } from '@mallbots/ddd';
import { CachedCustomer } from '../../domain/index.js';
import { InMemoryCustomerCache } from '../testing/in-memory.js';
import { CustomerCacheProjector } from './customer-cache.projector.js';

const t = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

describe('CustomerCacheProjector', () => {
  let cache: InMemoryCustomerCache;
  let projector: CustomerCacheProjector;
  const cached = (id: string) => cache.rows.get(id)?.customer.state;

  beforeEach(() => {
    cache = new InMemoryCustomerCache();
    projector = new CustomerCacheProjector(cache);
  });

  it('caches a registration, a number change and a disable', async () => {
    await projector.registered({ id: 'c1', name: 'Ann', smsNumber: '555-0100' }, t(0));
    await projector.smsNumberChanged({ id: 'c1', smsNumber: '555-0199' }, t(1));
    await projector.enabledChanged('c1', false, t(2));
    expect(cached('c1')).toMatchObject({ name: 'Ann', smsNumber: '555-0199', enabled: false });
    expect(cache.rows.get('c1')!.source).toBe('event');
  });

  it('keeps what arrived out of order', async () => {
    await projector.smsNumberChanged({ id: 'c1', smsNumber: '555-0199' }, t(5));
    await projector.registered({ id: 'c1', name: 'Ann', smsNumber: '555-0100' }, t(0));
    expect(cached('c1')).toMatchObject({ name: 'Ann', smsNumber: '555-0199' });
  });

  it('re-applies its change on top of a row a concurrent writer inserted first', async () => {
    cache.racers.set('c1', CachedCustomer.unknown('c1').registered({ name: 'Ann', smsNumber: '555-0100' }, t(0)));
    await projector.smsNumberChanged({ id: 'c1', smsNumber: '555-0199' }, t(5));
    expect(cached('c1')).toMatchObject({ name: 'Ann', smsNumber: '555-0199' });
  });

  it('refuses blank ids and blank numbers (they would be refused on every redelivery)', async () => {
    await expect(projector.registered({ id: '', name: 'Ann', smsNumber: '1' }, t(0))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(projector.smsNumberChanged({ id: 'c1', smsNumber: ' ' }, t(0))).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(cache.rows.size).toBe(0);
  });
});
