import { NotFoundError, UnavailableError } from '@mallbots/ddd';
import { CachedCustomer } from '../../domain/index.js';
import { CustomerDirectory } from '../customer-cache/customer-directory.js';
import { FakeCustomersService, InMemoryCustomerCache, InMemoryNotifications } from '../testing/in-memory.js';
import { NotifyCustomerCommand } from './notify-customer.command.js';
import { NotifyCustomerHandler } from './notify-customer.handler.js';

describe('NotifyCustomerHandler', () => {
  let cache: InMemoryCustomerCache;
  let customers: FakeCustomersService;
  let notifications: InMemoryNotifications;
  let handler: NotifyCustomerHandler;
  const cacheCustomer = (customer: CachedCustomer) => cache.save(customer, true, 'event');

  beforeEach(() => {
    cache = new InMemoryCustomerCache();
    customers = new FakeCustomersService();
    notifications = new InMemoryNotifications();
    handler = new NotifyCustomerHandler(new CustomerDirectory(cache, customers), notifications);
  });

  it('records one pending notification to the cached number, without asking Customers', async () => {
    await cacheCustomer(CachedCustomer.unknown('c1').registered({ name: 'Ann', smsNumber: '555-0100' }, new Date()));
    expect(await handler.execute(new NotifyCustomerCommand('o1', 'c1', 'order_ready', 'e1'))).toBe('recorded');
    expect(notifications.rows).toEqual([expect.objectContaining({ orderId: 'o1', customerId: 'c1', kind: 'order_ready', smsNumber: '555-0100', status: 'pending', eventId: 'e1' })]);
    expect(notifications.rows[0]!.text).toContain('Hi Ann, your order o1 is ready');
    expect(customers.calls).toEqual([]);
  });

  it('records a notification once per order and kind, whichever event or call asks again', async () => {
    await cacheCustomer(CachedCustomer.unknown('c1').registered({ name: 'Ann', smsNumber: '555-0100' }, new Date()));
    await handler.execute(new NotifyCustomerCommand('o1', 'c1', 'order_created', 'e1'));
    expect(await handler.execute(new NotifyCustomerCommand('o1', 'c1', 'order_created', 'e1-republished'))).toBe('duplicate');
    expect(await handler.execute(new NotifyCustomerCommand('o1', 'c1', 'order_created'))).toBe('duplicate');
    expect(await handler.execute(new NotifyCustomerCommand('o1', 'c1', 'order_canceled', 'e2'))).toBe('recorded');
    expect(notifications.rows.map((n) => n.kind)).toEqual(['order_created', 'order_canceled']);
  });

  it('asks Customers on a cache miss and caches the answer for the next notification', async () => {
    customers.customers.set('c2', { id: 'c2', name: 'Bob', smsNumber: '555-0200', enabled: true });
    await handler.execute(new NotifyCustomerCommand('o1', 'c2', 'order_created', 'e1'));
    await handler.execute(new NotifyCustomerCommand('o1', 'c2', 'order_ready', 'e2'));
    expect(customers.calls).toEqual(['c2']);
    expect(notifications.rows.map((n) => n.smsNumber)).toEqual(['555-0200', '555-0200']);
    expect(cache.rows.get('c2')).toMatchObject({ source: 'fallback', customer: { state: { name: 'Bob', smsNumber: '555-0200', enabled: true } } });
  });

  it('asks Customers when the cache knows the customer but not their number (a disable that overtook the registration)', async () => {
    await cacheCustomer(CachedCustomer.unknown('c3').enabledChanged(false, new Date(Date.now() - 60_000)));
    customers.customers.set('c3', { id: 'c3', name: 'Cy', smsNumber: '555-0300', enabled: true });
    await handler.execute(new NotifyCustomerCommand('o1', 'c3', 'order_created'));
    expect(customers.calls).toEqual(['c3']);
    expect(notifications.rows[0]).toMatchObject({ smsNumber: '555-0300', status: 'pending' });
  });

  it('records but suppresses the notification of a disabled customer', async () => {
    await cacheCustomer(CachedCustomer.unknown('c1').registered({ name: 'Ann', smsNumber: '555-0100' }, new Date(0)).enabledChanged(false, new Date(1)));
    await handler.execute(new NotifyCustomerCommand('o1', 'c1', 'order_canceled', 'e1'));
    expect(notifications.rows[0]).toMatchObject({ status: 'suppressed', smsNumber: '555-0100' });
  });

  it('refuses a customer Customers does not know (NotFound) and passes an outage on (retryable), recording nothing', async () => {
    const unknown = handler.execute(new NotifyCustomerCommand('o1', 'nobody', 'order_created'));
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toThrow('customer nobody not found');
    customers.down = true;
    await expect(handler.execute(new NotifyCustomerCommand('o1', 'c9', 'order_created'))).rejects.toBeInstanceOf(UnavailableError);
    expect(notifications.rows).toEqual([]);
  });

  it('refuses blank ids before looking anything up', async () => {
    await expect(handler.execute(new NotifyCustomerCommand('', 'c1', 'order_created'))).rejects.toThrow('the order id cannot be blank');
    await expect(handler.execute(new NotifyCustomerCommand('o1', ' ', 'order_created'))).rejects.toThrow('the customer id cannot be blank');
    expect(customers.calls).toEqual([]);
  });
});
