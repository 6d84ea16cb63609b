import { InvalidArgumentError } from '@mallbots/ddd';
import { CachedCustomer } from './cached-customer.js';
import { afterFailedSend, checkNotificationRequest, composeNotification, SEND_BACKOFF_MS } from './notification.js';

const now = new Date('2026-01-01T12:00:00Z');
const request = { orderId: 'o1', customerId: 'c1', kind: 'order_created' as const, eventId: 'e1' };
const customer = CachedCustomer.unknown('c1').registered({ name: 'Ann', smsNumber: '555-0100' }, now);

describe('composing a notification', () => {
  it('addresses the cached number with the kind’s text, pending until sent', () => {
    expect(composeNotification('n1', request, customer, now)).toEqual({
      id: 'n1',
      orderId: 'o1',
      customerId: 'c1',
      kind: 'order_created',
      smsNumber: '555-0100',
      text: 'Hi Ann, we received your order o1. We will text you when it is ready for pickup.',
      status: 'pending',
      eventId: 'e1',
      createdAt: now,
      attempts: 0,
    });
  });

  it('records a disabled customer’s notification as suppressed (nothing is sent)', () => {
    expect(composeNotification('n1', request, customer.enabledChanged(false, new Date(now.getTime() + 1)), now).status).toBe('suppressed');
  });

  it('refuses blank ids', () => {
    expect(() => checkNotificationRequest({ ...request, orderId: ' ' })).toThrow(new InvalidArgumentError('the order id cannot be blank'));
    expect(() => checkNotificationRequest({ ...request, customerId: '' })).toThrow(new InvalidArgumentError('the customer id cannot be blank'));
    expect(() => checkNotificationRequest(request)).not.toThrow();
  });
});

describe('after a failed send', () => {
  it('retries later with growing delays, then gives up', () => {
    expect(afterFailedSend(0, 'busy', now)).toEqual({ status: 'pending', error: 'busy', retryAt: new Date(now.getTime() + 1_000) });
    expect(afterFailedSend(1, 'busy', now).retryAt).toEqual(new Date(now.getTime() + 5_000));
    expect(afterFailedSend(SEND_BACKOFF_MS.length, 'busy', now)).toEqual({ status: 'failed', error: 'busy' });
  });
});
