import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { eventMessage, Header, JetStreamPublisher, type Message } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { OrderApproved, OrderCompleted } from '@mallbots/contracts/ordering';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, OwnersStub, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { RecordingSmsSender } from './application/testing/in-memory.js';
import { CustomersChannel, CustomersMessage, NotificationsGroup, notificationsRegistry, OrderingChannel, OrderingMessage } from './adapters/messaging/notifications.messages.js';
import { NotificationsModule } from './notifications.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

interface NotificationView {
  orderId: string;
  customerId: string;
  kind: string;
  smsNumber: string;
  text: string;
  status: string;
  eventId?: string;
  smsId?: string;
  attempts: number;
}

describe('notifications service (messages, gRPC and REST on real PostgreSQL and NATS, Customers as a gRPC stub)', () => {
  let svc: ServiceUnderTest;
  let customers: OwnersStub;
  let grpc: GrpcTestClient;
  const sms = new RecordingSmsSender();
  // The service's messages plus the order events it must ignore, encoded as ordering's relay would.
  const registry = notificationsRegistry().register('ordersapi.OrderApproved', OrderApproved).register('ordersapi.OrderCompleted', OrderCompleted);

  const event = (subject: string, name: string, payload: object, occurredAt = new Date()): Message => eventMessage(registry, subject, { id: randomUUID(), name, payload, occurredAt });
  const customerEvent = (name: string, payload: object, occurredAt?: Date) => event(CustomersChannel.Events, name, payload, occurredAt);
  const orderEvent = (name: string, orderId: string, customerId: string) => event(OrderingChannel.Events, name, { id: orderId, customerId, paymentId: 'payment-1', shoppingId: '', items: [], total: 10 });
  const publish = (...messages: Message[]) => new JetStreamPublisher(svc.jetstream).publish(messages);
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;

  const list = async (query: Record<string, string>) => {
    const response = await http('GET', `${svc.httpUrl}/api/notifications?${new URLSearchParams(query)}`);
    expect(response.status).toBe(200);
    return (response.body as { notifications: NotificationView[] }).notifications;
  };
  /** Waits until the order's notification of `kind` has been sent (recorded, then dispatched). */
  const sent = async (orderId: string, kind: string): Promise<NotificationView> =>
    (await eventually(async () => (await list({ orderId })).find((n) => n.kind === kind && n.status === 'sent'), { timeoutMs: 15_000 }))!;
  const smsTo = (number: string) => sms.sent.filter((s) => s.to === number);

  /** A customer registered through Customers' event, cached before the test goes on. */
  const registered = async (smsNumber: string, name = 'Ann Smith') => {
    const id = randomUUID();
    await publish(customerEvent(CustomersMessage.CustomerRegistered, { id, name, smsNumber }));
    await eventually(async () => (await rows('SELECT 1 FROM customers_cache WHERE id = $1', [id])).length === 1);
    return id;
  };

  beforeAll(async () => {
    customers = await new OwnersStub().start();
    svc = await bootServiceForTest({
      service: 'notifications',
      module: (config) => NotificationsModule.forRoot(config, migrationsDir, { smsSender: sms, smsDispatch: { pollIntervalMs: 50 }, customers: { deadlineMs: 1_000 } }),
      grpc: { package: grpcPackages.notifications, protoFile: protoFiles.notifications },
      openApi: { path: 'notifications-spec', title: 'Notifications' },
      env: { RPC_SERVICES: `CUSTOMERS=${customers.address}` },
    });
    grpc = grpcTestClient('notifications', 'NotificationsService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    grpc?.close();
    await svc?.close();
    await customers?.stop();
  });

  describe('from integration events', () => {
    it('texts a registered customer once when their order is created, and records what was sent', async () => {
      const customerId = await registered('555-1001', 'Ann Smith');
      const orderId = randomUUID();
      const created = orderEvent(OrderingMessage.OrderCreated, orderId, customerId);
      await publish(created);

      const notification = await sent(orderId, 'order_created');
      expect(notification).toMatchObject({
        customerId,
        smsNumber: '555-1001',
        text: `Hi Ann Smith, we received your order ${orderId}. We will text you when it is ready for pickup.`,
        eventId: created.id,
        attempts: 1,
      });
      expect(smsTo('555-1001')).toEqual([{ idempotencyKey: expect.any(String), to: '555-1001', text: notification.text, messageId: notification.smsId }]);
      expect(customers.callsFor(customerId)).toBe(0); // served from the cache
    });

    it('uses the new number after CustomerSmsChanged', async () => {
      const customerId = await registered('555-2001');
      const orderId = randomUUID();
      await publish(orderEvent(OrderingMessage.OrderCreated, orderId, customerId));
      await sent(orderId, 'order_created');

      await publish(customerEvent(CustomersMessage.CustomerSmsChanged, { id: customerId, smsNumber: '555-2002' }));
      await eventually(async () => (await rows('SELECT sms_number FROM customers_cache WHERE id = $1', [customerId]))[0]?.sms_number === '555-2002');
      await publish(orderEvent(OrderingMessage.OrderReadied, orderId, customerId));

      expect(await sent(orderId, 'order_ready')).toMatchObject({ smsNumber: '555-2002', text: expect.stringContaining('is ready for pickup') });
      expect(smsTo('555-2002')).toHaveLength(1);
    });

    it('keeps the newer number when the change is handled before the registration (out of order)', async () => {
      const customerId = randomUUID();
      const registeredAt = new Date(Date.now() - 60_000);
      await publish(customerEvent(CustomersMessage.CustomerSmsChanged, { id: customerId, smsNumber: '555-3002' }));
      await publish(customerEvent(CustomersMessage.CustomerRegistered, { id: customerId, name: 'Late', smsNumber: '555-3001' }, registeredAt));
      await eventually(async () => (await rows('SELECT name FROM customers_cache WHERE id = $1', [customerId]))[0]?.name === 'Late');
      expect(await rows('SELECT sms_number, source FROM customers_cache WHERE id = $1', [customerId])).toEqual([{ sms_number: '555-3002', source: 'event' }]);
    });

    it('sends one SMS for a redelivered event and for a re-published one', async () => {
      const customerId = await registered('555-4001');
      const orderId = randomUUID();
      const canceled = orderEvent(OrderingMessage.OrderCanceled, orderId, customerId);
      // The same message id stored again (a replay marker lets the broker keep it), as a redelivery would arrive;
      // then the same order event under a new id, as a re-published outbox row past the broker's window would.
      await publish(canceled, { ...canceled, headers: { ...canceled.headers, [Header.Replay]: 'again' } });
      await publish(orderEvent(OrderingMessage.OrderCanceled, orderId, customerId));
      const sentinel = randomUUID();
      await publish(orderEvent(OrderingMessage.OrderCreated, sentinel, customerId));
      await sent(sentinel, 'order_created'); // one consumer, in order: the copies have been handled by now

      expect((await list({ orderId })).map((n) => [n.kind, n.status])).toEqual([['order_canceled', 'sent']]);
      expect(smsTo('555-4001').filter((s) => s.text.includes(orderId))).toHaveLength(1);
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', [NotificationsGroup.Orders, canceled.id])).toEqual([{ n: 1 }]);
    });

    it('texts a rejected order but not an approved or completed one', async () => {
      const customerId = await registered('555-5001');
      const orderId = randomUUID();
      await publish(orderEvent('ordersapi.OrderApproved', orderId, customerId), event(OrderingChannel.Events, 'ordersapi.OrderCompleted', { id: orderId, customerId, invoiceId: 'i' }));
      await publish(orderEvent(OrderingMessage.OrderRejected, orderId, customerId));
      expect(await sent(orderId, 'order_rejected')).toMatchObject({ text: expect.stringContaining('could not accept your order') });
      expect((await list({ orderId })).map((n) => n.kind)).toEqual(['order_rejected']);
    });

    it('asks Customers on a cache miss, caches the answer, and records a disabled customer’s notification as suppressed', async () => {
      const customerId = randomUUID();
      customers.customers.set(customerId, { id: customerId, name: 'Fallback', smsNumber: '555-6001', enabled: true });
      const orderId = randomUUID();
      await publish(orderEvent(OrderingMessage.OrderCreated, orderId, customerId));
      expect(await sent(orderId, 'order_created')).toMatchObject({ smsNumber: '555-6001', text: expect.stringContaining('Hi Fallback,') });
      expect(await rows('SELECT sms_number, source FROM customers_cache WHERE id = $1', [customerId])).toEqual([{ sms_number: '555-6001', source: 'fallback' }]);

      await publish(customerEvent(CustomersMessage.CustomerDisabled, { id: customerId }));
      await eventually(async () => (await rows('SELECT enabled FROM customers_cache WHERE id = $1', [customerId]))[0]?.enabled === false);
      await publish(orderEvent(OrderingMessage.OrderCanceled, orderId, customerId));
      await eventually(async () => (await list({ orderId })).some((n) => n.kind === 'order_canceled' && n.status === 'suppressed'));
      expect(customers.callsFor(customerId)).toBe(1);
      expect(smsTo('555-6001')).toHaveLength(1);
    });

    it('dead-letters a malformed message and an order of a customer nobody knows, and keeps going', async () => {
      await svc.jetstream.js.publish(OrderingChannel.Events, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-orders-1' });
      const ghost = orderEvent(OrderingMessage.OrderCreated, randomUUID(), `ghost-${randomUUID()}`);
      await publish(ghost);
      const customerId = await registered('555-7001');
      const orderId = randomUUID();
      await publish(orderEvent(OrderingMessage.OrderCreated, orderId, customerId));
      await sent(orderId, 'order_created');

      const deadLetters = await eventually(async () => {
        const found = await rows(`SELECT message_id FROM dead_letters WHERE consumer = $1 AND message_id IN ('garbage-orders-1', $2) ORDER BY message_id`, [NotificationsGroup.Orders, ghost.id]);
        return found.length === 2 ? found : undefined;
      });
      expect(deadLetters!.map((r) => r.message_id).sort()).toEqual(['garbage-orders-1', ghost.id].sort());
    });
  });

  describe('gRPC NotificationsService', () => {
    it('notifies through NotifyOrderCreated / Ready / Canceled, once per order and kind', async () => {
      const customerId = await registered('555-8001');
      const orderId = randomUUID();
      expect(await grpc.call('notifyOrderCreated', { orderId, customerId })).toEqual({});
      expect(await grpc.call('notifyOrderReady', { orderId, customerId })).toEqual({});
      expect(await grpc.call('notifyOrderCanceled', { orderId, customerId })).toEqual({});
      await publish(orderEvent(OrderingMessage.OrderCreated, orderId, customerId)); // the event for the same order: nothing more
      await sent(orderId, 'order_ready');
      await sent(orderId, 'order_canceled');
      const created = await sent(orderId, 'order_created');
      expect(created.eventId).toBeUndefined();
      const sentinel = randomUUID();
      await publish(orderEvent(OrderingMessage.OrderCreated, sentinel, customerId));
      await sent(sentinel, 'order_created');
      expect(smsTo('555-8001').filter((s) => s.text.includes(orderId))).toHaveLength(3);
    });

    it('answers INVALID_ARGUMENT for blank ids and NOT_FOUND for an unknown customer', async () => {
      await expect(grpc.call('notifyOrderReady', { orderId: '', customerId: 'c' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'the order id cannot be blank' });
      await expect(grpc.call('notifyOrderCreated', { orderId: 'o' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'the customer id cannot be blank' });
      await expect(grpc.call('notifyOrderCanceled', { orderId: randomUUID(), customerId: 'nobody-at-all' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    });
  });

  describe('REST and platform routes', () => {
    it('lists by customer and by order', async () => {
      const customerId = await registered('555-9001');
      const [first, second] = [randomUUID(), randomUUID()];
      await grpc.call('notifyOrderCreated', { orderId: first, customerId });
      await grpc.call('notifyOrderCreated', { orderId: second, customerId });
      await sent(second, 'order_created');
      expect((await list({ customerId })).map((n) => n.orderId).sort()).toEqual([first, second].sort());
      expect((await list({ customerId, limit: '1' })).length).toBe(1);
      expect(await list({ orderId: randomUUID() })).toEqual([]);
    });

    it.each([
      ['no filter', ''],
      ['a limit of 0', 'customerId=c&limit=0'],
      ['a limit over 100', 'customerId=c&limit=101'],
      ['a limit that is not a number', 'customerId=c&limit=ten'],
      ['a repeated parameter', 'customerId=a&customerId=b'],
      ['an overlong id', `orderId=${'x'.repeat(65)}`],
    ])('answers 400 with a JSON error for %s', async (_what, query) => {
      const response = await http('GET', `${svc.httpUrl}/api/notifications?${query}`);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toMatchObject({ code: 3, message: expect.any(String) });
    });

    it('serves liveness, readiness and metrics', async () => {
      expect((await http('GET', `${svc.httpUrl}/liveness`)).status).toBe(200);
      expect((await http('GET', `${svc.httpUrl}/readiness`)).status).toBe(200);
      const metrics = await http('GET', `${svc.httpUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(String(metrics.body)).toContain('notifications_received_messages_count');
      expect(String(metrics.body)).toMatch(/notifications_sms_sent_count [1-9]\d*/); // earlier tests sent some
    });
  });
});
