import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { commandMessage, decodeEnvelope, eventMessage, FailureReply, Header, JetStreamPublisher, type Message, SuccessReply } from '@mallbots/am';
import type { BasketCheckedOut_Item } from '@mallbots/contracts/baskets';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { OrderingChannel, OrderingMessage, orderingRegistry } from './adapters/messaging/ordering.messages.js';
import { OrderingModule } from './ordering.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const REPLIES = 'mallbots.cosec.replies.CreateOrder';

type Json = Record<string, unknown>;

const items: BasketCheckedOut_Item[] = [
  { storeId: 'store-1', productId: 'product-1', storeName: 'Corner Store', productName: 'Widget', price: 1.1, quantity: 2 },
  { storeId: 'store-2', productId: 'product-2', storeName: 'Mega Mart', productName: 'Gadget', price: 0.1, quantity: 1 },
];
/** What GET /api/ordering/{id} shows of `items` (the reference's Item fields, lowerCamelCase). */
const itemsView = items.map(({ storeId, productId, storeName, productName, price, quantity }) => ({ storeId, productId, storeName, productName, price, quantity }));

describe('ordering service (REST, gRPC and messages on real PostgreSQL and NATS)', () => {
  let svc: ServiceUnderTest;
  let grpc: GrpcTestClient;
  const registry = orderingRegistry();

  const call = (method: string, request: object = {}) => grpc.call(method, request) as Promise<Json>;
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;
  const publish = (...messages: Message[]) => new JetStreamPublisher(svc.jetstream).publish(messages);
  const getOrder = (id: string) => http('GET', `${svc.httpUrl}/api/ordering/${id}`);
  const storedEventNames = async (orderId: string) =>
    (await rows("SELECT event_name FROM events WHERE stream_name = 'ordering.Order' AND stream_id = $1 ORDER BY stream_version", [orderId])).map((r) => r.event_name as string);
  /** Waits until the order exists with `status`, and returns its REST view. */
  const orderWithStatus = async (id: string, status: string) =>
    (await eventually(async () => {
      const { status: code, body } = await getOrder(id);
      return code === 200 && (body as { order: Json }).order.status === status ? (body as { order: Json }).order : undefined;
    }))!;

  /** Messages the stream holds on a subject, decoded. */
  const stored = async (subject: string) => {
    const messages = [];
    const info = await svc.jetstream.jsm.streams.info('mallbots');
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await svc.jetstream.jsm.streams.getMessage('mallbots', { seq }).catch(() => undefined);
      if (m && m.subject === subject) messages.push(decodeEnvelope(m.data, m.subject));
    }
    return messages;
  };
  /** The ordersapi.* integration events published for an order, decoded: [name, payload]. */
  const integrationEvents = async (orderId: string) =>
    (await stored(OrderingChannel.Events))
      .map((m) => [m.name, registry.deserialize<Json>(m.name, m.payload)] as const)
      .filter(([, payload]) => payload.id === orderId);
  const integrationEventsUntil = (orderId: string, name: string) =>
    eventually(async () => {
      const events = await integrationEvents(orderId);
      return events.some(([n]) => n === name) ? events : undefined;
    }) as Promise<(readonly [string, Json])[]>;

  const checkout = (basketId: string, lines: BasketCheckedOut_Item[] = items) =>
    eventMessage(registry, OrderingChannel.BasketEvents, {
      id: randomUUID(),
      name: OrderingMessage.BasketCheckedOut,
      payload: { id: basketId, customerId: 'customer-1', paymentId: 'payment-1', items: lines },
      occurredAt: new Date(),
    });
  const shoppingListCompleted = (orderId: string, shoppingId: string) =>
    eventMessage(registry, OrderingChannel.ShoppingListEvents, { id: randomUUID(), name: OrderingMessage.ShoppingListCompleted, payload: { id: shoppingId, orderId }, occurredAt: new Date() });
  const invoicePaid = (orderId: string, invoiceId: string) =>
    eventMessage(registry, OrderingChannel.InvoiceEvents, { id: randomUUID(), name: OrderingMessage.InvoicePaid, payload: { id: invoiceId, orderId }, occurredAt: new Date() });
  const command = (name: string, payload: object, sagaId = randomUUID()) =>
    commandMessage(registry, OrderingChannel.Commands, { id: randomUUID(), name, payload, occurredAt: new Date() }, { replyChannel: REPLIES, sagaId, sagaName: 'cosec.CreateOrder' });
  /** Publishes a saga command and waits for its one reply. */
  const send = async (name: string, payload: object) => {
    const message = command(name, payload);
    await publish(message);
    const sagaId = message.headers[Header.CommandSagaId]!;
    const [reply] = (await eventually(async () => {
      const found = (await stored(REPLIES)).filter((m) => m.headers[Header.ReplySagaId] === sagaId);
      return found.length ? found : undefined;
    }))!;
    return reply!;
  };
  /** A pending order created from a checkout. */
  const pendingOrder = async () => {
    const id = randomUUID();
    await publish(checkout(id));
    await orderWithStatus(id, 'pending');
    return id;
  };

  beforeAll(async () => {
    svc = await bootServiceForTest({
      service: 'ordering',
      module: (config) => OrderingModule.forRoot(config, migrationsDir),
      grpc: { package: grpcPackages.ordering, protoFile: protoFiles.ordering },
      openApi: { path: 'ordering-spec', title: 'Order Processing' },
    });
    grpc = grpcTestClient('ordering', 'OrderingService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
  });

  describe('the order lifecycle over messages', () => {
    it('checkout → pending → ApproveOrder → ShoppingListCompleted → InvoicePaid → completed, publishing every ordersapi event', async () => {
      const id = randomUUID();
      await publish(checkout(id));

      const pending = await orderWithStatus(id, 'pending');
      expect(pending).toEqual({ id, customerId: 'customer-1', paymentId: 'payment-1', items: itemsView, status: 'pending' });
      const [created] = await integrationEventsUntil(id, OrderingMessage.OrderCreated);
      expect(created).toEqual([
        OrderingMessage.OrderCreated,
        {
          id,
          customerId: 'customer-1',
          paymentId: 'payment-1',
          shoppingId: '',
          items: [
            { productId: 'product-1', storeId: 'store-1', price: 1.1, quantity: 2 },
            { productId: 'product-2', storeId: 'store-2', price: 0.1, quantity: 1 },
          ],
        },
      ]);

      const approved = await send(OrderingMessage.ApproveOrder, { id, shoppingId: 'shopping-1' });
      expect(approved).toMatchObject({ name: SuccessReply, headers: { [Header.ReplyOutcome]: 'SUCCESS', [Header.ReplySagaName]: 'cosec.CreateOrder' } });
      expect(await orderWithStatus(id, 'approved')).toMatchObject({ shoppingId: 'shopping-1' });

      await publish(shoppingListCompleted(id, 'shopping-1'));
      await orderWithStatus(id, 'ready');

      await publish(invoicePaid(id, 'invoice-1'));
      expect(await orderWithStatus(id, 'completed')).toMatchObject({ shoppingId: 'shopping-1', invoiceId: 'invoice-1' });

      const events = await integrationEventsUntil(id, OrderingMessage.OrderCompleted);
      expect(events.slice(1)).toEqual([
        [OrderingMessage.OrderApproved, { id, customerId: 'customer-1', paymentId: 'payment-1' }],
        [OrderingMessage.OrderReadied, { id, customerId: 'customer-1', paymentId: 'payment-1', total: 2.3 }],
        [OrderingMessage.OrderCompleted, { id, customerId: 'customer-1', invoiceId: 'invoice-1' }],
      ]);
      expect(await storedEventNames(id)).toEqual(['ordering.OrderCreated', 'ordering.OrderApproved', 'ordering.OrderReadied', 'ordering.OrderCompleted']);
      // A snapshot was taken at version 3 (ready); the completed order still reads correctly through it.
      expect(await rows("SELECT stream_version, snapshot_name FROM snapshots WHERE stream_id = $1 AND stream_name = 'ordering.Order'", [id])).toEqual([
        { stream_version: 3, snapshot_name: 'ordering.OrderV1' },
      ]);

      // The saga's compensation can no longer undo a completed order: Failure with the reason, nothing changes.
      const refused = await send(OrderingMessage.RejectOrder, { id });
      expect(refused).toMatchObject({ name: FailureReply, headers: { [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'the order cannot be rejected' } });
      expect((await getOrder(id)).body).toMatchObject({ order: { status: 'completed' } });
      expect(await storedEventNames(id)).toHaveLength(4);
    });

    it('creates one order per basket: a redelivered checkout (same message) and a repeated one (new message) change nothing', async () => {
      const id = randomUUID();
      const first = checkout(id);
      await publish(first);
      await orderWithStatus(id, 'pending');

      // A replay marker lets the broker store the same message id again, as a redelivery would deliver it.
      const repeated = checkout(id, items.slice(1));
      await publish({ ...first, headers: { ...first.headers, [Header.Replay]: 'again' } }, repeated);
      // The repeat under a new message id is handled successfully (its inbox row commits only then), not refused.
      await eventually(async () => (await rows('SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2', ['ordering-baskets', repeated.id])).length === 1);
      // The consumer handles one message at a time, in order: once a later checkout is done, so is the redelivery.
      const later = randomUUID();
      await publish(checkout(later));
      await orderWithStatus(later, 'pending');

      expect(await storedEventNames(id)).toEqual(['ordering.OrderCreated']);
      expect((await getOrder(id)).body).toMatchObject({ order: { items: itemsView } });
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', ['ordering-baskets', first.id])).toEqual([{ n: 1 }]);
      expect((await integrationEvents(id)).map(([name]) => name)).toEqual([OrderingMessage.OrderCreated]);
    });

    it('answers RejectOrder with success for a pending, an already rejected and a cancelled order, publishing OrderRejected once', async () => {
      const id = await pendingOrder();
      expect(await send(OrderingMessage.RejectOrder, { id })).toMatchObject({ name: SuccessReply });
      expect(await send(OrderingMessage.RejectOrder, { id })).toMatchObject({ name: SuccessReply });
      await orderWithStatus(id, 'rejected');
      const events = await integrationEventsUntil(id, OrderingMessage.OrderRejected);
      expect(events.map(([name]) => name)).toEqual([OrderingMessage.OrderCreated, OrderingMessage.OrderRejected]);
      expect(events[1]![1]).toEqual({ id, customerId: 'customer-1', paymentId: 'payment-1' });

      const cancelled = await pendingOrder();
      await http('DELETE', `${svc.httpUrl}/api/ordering/${cancelled}`);
      expect(await send(OrderingMessage.RejectOrder, { id: cancelled })).toMatchObject({ name: SuccessReply });
      expect(await storedEventNames(cancelled)).toEqual(['ordering.OrderCreated', 'ordering.OrderCanceled']);
    });

    it('refuses ApproveOrder for a cancelled or unknown order with Failure and the reason, creating nothing', async () => {
      const cancelled = await pendingOrder();
      await http('DELETE', `${svc.httpUrl}/api/ordering/${cancelled}`);
      expect(await send(OrderingMessage.ApproveOrder, { id: cancelled, shoppingId: 'shopping-1' })).toMatchObject({
        name: FailureReply,
        headers: { [Header.ReplyError]: 'the order cannot be approved' },
      });

      const unknown = randomUUID();
      expect(await send(OrderingMessage.ApproveOrder, { id: unknown, shoppingId: 'shopping-1' })).toMatchObject({
        name: FailureReply,
        headers: { [Header.ReplyError]: `order ${unknown} not found` },
      });
      expect(await storedEventNames(unknown)).toEqual([]);
    });

    it('dead-letters a malformed message and a checkout without items at once, while the consumer carries on', async () => {
      await svc.jetstream.js.publish(OrderingChannel.BasketEvents, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-1' });
      const emptyBasket = randomUUID();
      const empty = checkout(emptyBasket, []);
      await publish(empty);
      const id = randomUUID();
      await publish(checkout(id));

      await orderWithStatus(id, 'pending');
      const deadLetters = await eventually(async () => {
        const r = await rows("SELECT message_id FROM dead_letters WHERE consumer = 'ordering-baskets' ORDER BY message_id");
        return r.length === 2 ? r : undefined;
      });
      expect(deadLetters!.map((r) => r.message_id).sort()).toEqual([empty.id, 'garbage-1'].sort());
      expect(await getOrder(emptyBasket)).toMatchObject({ status: 404 });
    });
  });

  describe('REST', () => {
    const body = { items: itemsView, customerId: 'customer-9', paymentId: 'payment-9' };

    it('creates, reads and cancels an order with the reference’s paths and bodies', async () => {
      const created = await http('POST', `${svc.httpUrl}/api/ordering`, { ...body, unknownField: 1 });
      expect(created.status).toBe(200);
      const { id } = created.body as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);

      expect(await getOrder(id)).toMatchObject({ status: 200, body: { order: { id, customerId: 'customer-9', paymentId: 'payment-9', items: itemsView, status: 'pending' } } });
      expect(await http('DELETE', `${svc.httpUrl}/api/ordering/${id}`)).toMatchObject({ status: 200, body: {} });
      expect(await getOrder(id)).toMatchObject({ body: { order: { status: 'cancelled' } } });
      const events = await integrationEventsUntil(id, OrderingMessage.OrderCanceled);
      expect(events.at(-1)).toEqual([OrderingMessage.OrderCanceled, { id, customerId: 'customer-9', paymentId: 'payment-9' }]);
    });

    it('refuses to cancel an order that is no longer pending (400, INVALID_ARGUMENT as the reference, the reference’s text)', async () => {
      const id = await pendingOrder();
      await send(OrderingMessage.ApproveOrder, { id, shoppingId: 'shopping-1' });

      const refused = await http('DELETE', `${svc.httpUrl}/api/ordering/${id}`);
      expect(refused).toMatchObject({ status: 400, body: { code: 3, message: 'the order cannot be cancelled' } });
      expect(await storedEventNames(id)).toEqual(['ordering.OrderCreated', 'ordering.OrderApproved']);
    });

    it('answers an unknown id with 404 and never creates a stream', async () => {
      const unknown = randomUUID();
      expect(await getOrder(unknown)).toMatchObject({ status: 404, body: { code: 5, message: `order ${unknown} not found` } });
      expect(await http('DELETE', `${svc.httpUrl}/api/ordering/${unknown}`)).toMatchObject({ status: 404, body: { code: 5 } });
      expect(await storedEventNames(unknown)).toEqual([]);
    });

    it.each([
      [{ ...body, items: [] }, 'the order has no items'],
      [{ ...body, customerId: '' }, 'the customer id cannot be blank'],
      [{ ...body, paymentId: undefined }, 'the payment id cannot be blank'],
      [{ ...body, items: [{ ...itemsView[0], quantity: 0 }] }, 'the item quantity must be a positive whole number'],
      [{ ...body, items: [{ ...itemsView[0], price: -1 }] }, 'the item price cannot be negative'],
      [{ ...body, items: [{ ...itemsView[0], price: 1.234 }] }, 'the amount 1.234 has more than two decimal places'],
      [{ ...body, items: [{ ...itemsView[0], productId: ' ' }] }, 'the product id cannot be blank'],
      [{ ...body, items: 'all of them' }, 'items must be an array'],
      [{ ...body, items: [{ ...itemsView[0], price: '9.99' }] }, undefined],
      [{ ...body, items: [{ ...itemsView[0], quantity: 1.5 }] }, undefined],
      [{ ...body, items: [null] }, undefined],
      [{ ...body, customerId: 42 }, 'customerId must be a string'],
      [{ ...body, customerId: 'x'.repeat(65) }, undefined],
      [{ ...body, items: Array.from({ length: 101 }, () => itemsView[0]) }, undefined],
      ['{not json', undefined],
    ])('answers bad input %p with 400 and a JSON error, storing nothing', async (input, message) => {
      const before = await rows('SELECT count(*)::int AS n FROM events');
      const response = await http('POST', `${svc.httpUrl}/api/ordering`, input);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toMatchObject({ code: 3 });
      if (message) expect((response.body as { message: string }).message).toBe(message);
      expect(await rows('SELECT count(*)::int AS n FROM events')).toEqual(before);
    });

    it('serves liveness, readiness and the OpenAPI document "Order Processing"', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200, body: '.' });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok', checks: { postgres: 'ok', nats: 'ok' } } });
      const spec = (await http('GET', `${svc.httpUrl}/ordering-spec/api.swagger.json`)).body as { info: { title: string }; paths: Record<string, object> };
      expect(spec.info.title).toBe('Order Processing');
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/ordering', '/api/ordering/{id}']));
      expect(Object.keys(spec.paths['/api/ordering/{id}']!)).toEqual(expect.arrayContaining(['get', 'delete']));
    });
  });

  describe('gRPC', () => {
    it('serves orderingpb.OrderingService: create, get, ready, complete, cancel, with typed errors as gRPC statuses', async () => {
      const { id } = (await call('createOrder', { items: itemsView, customerId: 'customer-g', paymentId: 'payment-g' })) as { id: string };
      expect(await call('getOrder', { id })).toEqual({ order: { id, customerId: 'customer-g', paymentId: 'payment-g', items: itemsView, status: 'pending', shoppingId: '', invoiceId: '' } });

      await expect(call('readyOrder', { id })).rejects.toMatchObject({ code: 3, details: 'the order cannot be readied' });
      await send(OrderingMessage.ApproveOrder, { id, shoppingId: 'shopping-g' });
      await call('readyOrder', { id });
      await call('completeOrder', { id, invoiceId: 'invoice-g' });
      // Repeating the completion with the same invoice is no error and changes nothing.
      await call('completeOrder', { id, invoiceId: 'invoice-g' });
      await expect(call('completeOrder', { id, invoiceId: 'another' })).rejects.toMatchObject({ code: 3, details: 'the order cannot be completed' });
      expect(await call('getOrder', { id })).toMatchObject({ order: { status: 'completed', shoppingId: 'shopping-g', invoiceId: 'invoice-g' } });
      // The invoice id reaches the order (the reference dropped it) and OrderCompleted.
      expect((await getOrder(id)).body).toMatchObject({ order: { invoiceId: 'invoice-g', shoppingId: 'shopping-g' } });
      expect((await integrationEventsUntil(id, OrderingMessage.OrderCompleted)).at(-1)).toEqual([OrderingMessage.OrderCompleted, { id, customerId: 'customer-g', invoiceId: 'invoice-g' }]);

      await expect(call('cancelOrder', { id })).rejects.toMatchObject({ code: 3, details: 'the order cannot be cancelled' });
      await expect(call('getOrder', { id: 'nope' })).rejects.toMatchObject({ code: 5, details: 'order nope not found' });
      await expect(call('cancelOrder', { id: 'nope' })).rejects.toMatchObject({ code: 5 });
      await expect(call('createOrder', { items: [], customerId: 'c', paymentId: 'p' })).rejects.toMatchObject({ code: 3, details: 'the order has no items' });

      const { id: other } = (await call('createOrder', { items: itemsView, customerId: 'customer-g', paymentId: 'payment-g' })) as { id: string };
      expect(await call('cancelOrder', { id: other })).toEqual({});
      expect(await call('getOrder', { id: other })).toMatchObject({ order: { status: 'cancelled' } });
    });
  });
});
