import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { eventually } from '@mallbots/testing';
import { SEND_BACKOFF_MS } from '../../domain/index.js';
import type { NotificationState } from '../../domain/index.js';
import { InMemoryNotifications, RecordingSmsSender } from '../testing/in-memory.js';
import { SmsDispatcher } from './sms-dispatcher.js';

const start = new Date('2020-01-01T12:00:00Z'); // in the past: due for the running loop too
const later = (ms: number) => new Date(start.getTime() + ms);
const notification = (id: string, status: NotificationState['status'] = 'pending'): NotificationState => ({
  id,
  orderId: `order-${id}`,
  customerId: 'c1',
  kind: 'order_created',
  smsNumber: '555-0100',
  text: `text ${id}`,
  status,
  createdAt: start,
  attempts: 0,
});

describe('SmsDispatcher', () => {
  let notifications: InMemoryNotifications;
  let sms: RecordingSmsSender;
  let dispatcher: SmsDispatcher;

  beforeEach(() => {
    notifications = new InMemoryNotifications();
    sms = new RecordingSmsSender();
    dispatcher = new SmsDispatcher(new InMemoryTransactionRunner(), notifications, sms, { autoStart: false, pollIntervalMs: 10 });
  });

  afterEach(() => dispatcher.stop()); // a failed test must not leave the loop running

  it('sends each pending notification once, keyed by its id, and records the provider’s message id', async () => {
    await notifications.add(notification('n1'));
    await notifications.add(notification('n2', 'suppressed'));
    expect(await dispatcher.dispatchDue(start)).toBe(1);
    expect(await dispatcher.dispatchDue(later(1))).toBe(0);
    expect(sms.sent).toEqual([{ idempotencyKey: 'n1', to: '555-0100', text: 'text n1', messageId: 'sms-1' }]);
    expect(notifications.rows).toEqual([
      expect.objectContaining({ id: 'n1', status: 'sent', smsId: 'sms-1', attempts: 1 }),
      expect.objectContaining({ id: 'n2', status: 'suppressed', attempts: 0 }),
    ]);
  });

  it('retries a refused send after its backoff, not before', async () => {
    await notifications.add(notification('n1'));
    sms.refusals = 1;
    await dispatcher.dispatchDue(start);
    expect(notifications.rows[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'provider refused the message' });
    expect(await dispatcher.dispatchDue(later(SEND_BACKOFF_MS[0] - 1))).toBe(0);
    expect(await dispatcher.dispatchDue(later(SEND_BACKOFF_MS[0]))).toBe(1);
    expect(notifications.rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sms.sent).toHaveLength(1);
  });

  it('gives up after the last delay: failed, for an operator', async () => {
    await notifications.add(notification('n1'));
    sms.refusals = Number.MAX_SAFE_INTEGER;
    let now = start;
    for (const delay of SEND_BACKOFF_MS) {
      await dispatcher.dispatchDue(now);
      now = new Date(now.getTime() + delay);
    }
    await dispatcher.dispatchDue(now);
    expect(notifications.rows[0]).toMatchObject({ status: 'failed', attempts: SEND_BACKOFF_MS.length + 1 });
    expect(await dispatcher.dispatchDue(new Date(now.getTime() + 86_400_000))).toBe(0);
  });

  it('runs by itself once started and stops cleanly', async () => {
    dispatcher.start();
    await notifications.add(notification('n1'));
    await eventually(() => sms.sent.length === 1);
    await dispatcher.stop();
    await dispatcher.stop(); // idempotent
  });
});
