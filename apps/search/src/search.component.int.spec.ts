import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { eventMessage, Header, JetStreamPublisher, type Message } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, OwnersStub, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { SearchChannel, SearchConsumer, SearchMessage, searchRegistry } from './adapters/messaging/search.messages.js';
import { SearchModule } from './search.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

interface OrderJson {
  orderId: string;
  customerId: string;
  customerName: string;
  items: Array<{ productId: string; storeId: string; productName: string; storeName: string; price: number; quantity: string }>;
  total: number;
  status: string;
}
interface Line {
  productId: string;
  storeId: string;
  price: number;
  quantity: number;
}

describe('search service (read model fed by real JetStream events on PostgreSQL; REST and gRPC queries)', () => {
  let svc: ServiceUnderTest;
  let stub: OwnersStub;
  let grpc: GrpcTestClient;
  const registry = searchRegistry();

  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;
  const event = (subject: string, name: string, payload: object, occurredAt = new Date()): Message =>
    eventMessage(registry, subject, { id: randomUUID(), name, payload, occurredAt });
  const publish = (...messages: Message[]) => new JetStreamPublisher(svc.jetstream).publish(messages);
  /** Resolves once the group's inbox holds the message: it has been handled and committed. */
  const handled = (group: string, message: Message) =>
    eventually(async () => (await rows('SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2', [group, message.id])).length === 1 || undefined, { timeoutMs: 20_000 });

  const created = (id: string, customerId: string, lines: Line[], at = new Date()) =>
    event(SearchChannel.Orders, SearchMessage.OrderCreated, { id, customerId, paymentId: `pay-${id}`, shoppingId: '', items: lines }, at);
  const statusEvent = (name: string, id: string, customerId: string) => event(SearchChannel.Orders, name, { id, customerId, paymentId: `pay-${id}`, invoiceId: '', total: 0 });

  const searchRest = async (body: object) => {
    const response = await http('POST', `${svc.httpUrl}/api/search/orders`, body);
    expect(response.status).toBe(200);
    return response.body as { orders: OrderJson[]; next: string };
  };
  const getRest = (id: string) => http('GET', `${svc.httpUrl}/api/search/orders/${encodeURIComponent(id)}`);

  /** A customer, two stores and three products, cached through their owners' events (the normal path). */
  const catalog = async () => {
    const ids = { customer: randomUUID(), s1: randomUUID(), s2: randomUUID(), p1: randomUUID(), p2: randomUUID(), p3: randomUUID() };
    const messages = [
      event(SearchChannel.Customers, SearchMessage.CustomerRegistered, { id: ids.customer, name: 'John Smith', smsNumber: '555' }),
      event(SearchChannel.Stores, SearchMessage.StoreCreated, { id: ids.s1, name: 'Nic & Naks', location: 'L1' }),
      event(SearchChannel.Stores, SearchMessage.StoreCreated, { id: ids.s2, name: 'Brooms R Us', location: 'L2' }),
      event(SearchChannel.Products, SearchMessage.ProductAdded, { id: ids.p1, storeId: ids.s1, name: 'Wizard w/ crystal', description: '', sku: '', price: 9.99 }),
      event(SearchChannel.Products, SearchMessage.ProductAdded, { id: ids.p2, storeId: ids.s1, name: 'Crystal ball', description: '', sku: '', price: 25 }),
      event(SearchChannel.Products, SearchMessage.ProductAdded, { id: ids.p3, storeId: ids.s2, name: 'Broom', description: '', sku: '', price: 12.5 }),
    ];
    await publish(...messages);
    await Promise.all(
      messages.map((m) =>
        handled(m.subject === SearchChannel.Customers ? SearchConsumer.Customers : m.subject === SearchChannel.Stores ? SearchConsumer.Stores : SearchConsumer.Products, m),
      ),
    );
    return ids;
  };

  beforeAll(async () => {
    stub = await new OwnersStub().start();
    svc = await bootServiceForTest({
      service: 'search',
      module: (config) => SearchModule.forRoot(config, migrationsDir, { fallbacks: { deadlineMs: 1_000 } }),
      grpc: { package: grpcPackages.search, protoFile: protoFiles.search },
      openApi: { path: 'search-spec', title: 'Search' },
      env: { RPC_SERVICES: `CUSTOMERS=${stub.address},STORES=${stub.address}` },
    });
    grpc = grpcTestClient('search', 'SearchService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    grpc?.close();
    await svc?.close();
    await stub?.stop();
  });

  it('projects OrderCreated with the customer, product and store names from its caches (no remote call)', async () => {
    const c = await catalog();
    const orderId = randomUUID();
    const message = created(orderId, c.customer, [
      { productId: c.p1, storeId: c.s1, price: 9.99, quantity: 2 },
      { productId: c.p3, storeId: c.s2, price: 12.5, quantity: 1 },
    ]);
    await publish(message);
    await handled(SearchConsumer.Orders, message);

    const expected = {
      orderId,
      customerId: c.customer,
      customerName: 'John Smith',
      items: [
        { productId: c.p1, storeId: c.s1, productName: 'Wizard w/ crystal', storeName: 'Nic & Naks', price: 9.99, quantity: '2' },
        { productId: c.p3, storeId: c.s2, productName: 'Broom', storeName: 'Brooms R Us', price: 12.5, quantity: '1' },
      ],
      total: 32.48,
      status: 'pending',
    };
    expect(await getRest(orderId)).toMatchObject({ status: 200, body: { order: expected } });
    // gRPC answers the same order; int64 quantities are numbers there.
    expect(await grpc.call('getOrder', { id: orderId })).toEqual({
      order: { ...expected, items: expected.items.map((item) => ({ ...item, quantity: Number(item.quantity) })) },
    });
    expect(stub.calls).toEqual([]);
    const [row] = await rows('SELECT created_at, product_ids, store_ids FROM orders WHERE order_id = $1', [orderId]);
    expect(row.created_at.toISOString()).toBe(message.occurredAt.toISOString());
    expect([...row.product_ids].sort()).toEqual([c.p1, c.p3].sort());
  });

  describe('SearchOrders filters', () => {
    // The filter orders live in 2030, so every query bounded to 2030 sees only them, whatever the other tests add.
    const year = { after: '2030-01-01T00:00:00Z', before: '2031-01-01T00:00:00Z' };
    let c: Awaited<ReturnType<typeof catalog>>;
    const other = randomUUID();
    const ids = { a: randomUUID(), b: randomUUID(), d: randomUUID(), e: randomUUID() };

    beforeAll(async () => {
      c = await catalog();
      const messages = [
        // a: customer, store s1 (p1 ×1) → 9.99, January, pending
        created(ids.a, c.customer, [{ productId: c.p1, storeId: c.s1, price: 9.99, quantity: 1 }], new Date('2030-01-15T12:00:00Z')),
        // b: customer, stores s1+s2 (p2, p3) → 37.50, March, ready
        created(ids.b, c.customer, [{ productId: c.p2, storeId: c.s1, price: 25, quantity: 1 }, { productId: c.p3, storeId: c.s2, price: 12.5, quantity: 1 }], new Date('2030-03-10T08:00:00Z')),
        // d: other customer, store s2 (p3 ×4) → 50.00, June, cancelled
        created(ids.d, other, [{ productId: c.p3, storeId: c.s2, price: 12.5, quantity: 4 }], new Date('2030-06-01T00:00:00Z')),
        // e: other customer, store s1 (p1 ×10) → 99.90, December, approved
        created(ids.e, other, [{ productId: c.p1, storeId: c.s1, price: 9.99, quantity: 10 }], new Date('2030-12-31T23:59:59Z')),
        statusEvent(SearchMessage.OrderApproved, ids.b, c.customer),
        statusEvent(SearchMessage.OrderReadied, ids.b, c.customer),
        statusEvent(SearchMessage.OrderCanceled, ids.d, other),
        statusEvent(SearchMessage.OrderApproved, ids.e, other),
      ];
      await publish(...messages);
      await Promise.all(messages.map((m) => handled(SearchConsumer.Orders, m)));
    });

    const found = async (filters: object) => (await searchRest({ filters: { ...year, ...filters } })).orders.map((o) => o.orderId);

    it('narrows by each filter, newest first, and ANDs them together', async () => {
      expect(await found({})).toEqual([ids.e, ids.d, ids.b, ids.a]);
      expect(await found({ customerId: c.customer })).toEqual([ids.b, ids.a]);
      expect(await found({ storeIds: [c.s2] })).toEqual([ids.d, ids.b]);
      expect(await found({ storeIds: [c.s2, 'nobody'] })).toEqual([ids.d, ids.b]);
      expect(await found({ productIds: [c.p1] })).toEqual([ids.e, ids.a]);
      expect(await found({ productIds: [c.p2, c.p3] })).toEqual([ids.d, ids.b]);
      expect(await found({ after: '2030-03-10T08:00:00Z', before: '2030-06-01T00:00:00Z' })).toEqual([ids.b]); // [after, before)
      expect(await found({ minTotal: 37.5 })).toEqual([ids.e, ids.d, ids.b]);
      expect(await found({ maxTotal: 37.5 })).toEqual([ids.b, ids.a]);
      expect(await found({ minTotal: 10, maxTotal: 60 })).toEqual([ids.d, ids.b]);
      expect(await found({ status: 'ready' })).toEqual([ids.b]);
      expect(await found({ status: 'Ready For Pickup' })).toEqual([ids.b]); // the reference's label
      expect(await found({ status: 'cancelled' })).toEqual([ids.d]);
      expect(await found({ status: 'pending' })).toEqual([ids.a]);
      expect(await found({ customerId: other, storeIds: [c.s1], status: 'approved' })).toEqual([ids.e]);
      expect(await found({ customerId: other, status: 'ready' })).toEqual([]);
    });

    it('filters the same over gRPC, with Timestamps for the dates', async () => {
      const seconds = (iso: string) => ({ seconds: Date.parse(iso) / 1000, nanos: 0 });
      const response = (await grpc.call('searchOrders', {
        filters: { after: seconds(year.after), before: seconds(year.before), storeIds: [c.s1], minTotal: 5 },
      })) as { orders: Array<{ orderId: string; status: string }>; next: string };
      expect(response.orders.map((o) => [o.orderId, o.status])).toEqual([
        [ids.e, 'approved'],
        [ids.b, 'ready'],
        [ids.a, 'pending'],
      ]);
      expect(response.next).toBe('');
    });
  });

  it('pages through every order exactly once, ties on the creation time included, over REST and gRPC', async () => {
    const c = await catalog();
    const messages = Array.from({ length: 23 }, (_, i) =>
      // Pairs of orders share a creation time: the order id breaks the tie.
      created(randomUUID(), c.customer, [{ productId: c.p1, storeId: c.s1, price: 1, quantity: 1 }], new Date(Date.UTC(2031, 0, 1 + Math.floor(i / 2)))),
    );
    await publish(...messages);
    await Promise.all(messages.map((m) => handled(SearchConsumer.Orders, m)));
    const expectedIds = messages.map((m) => registry.deserialize<{ id: string }>(m.name, m.payload).id);
    const filters = { after: '2031-01-01T00:00:00Z', before: '2032-01-01T00:00:00Z' };

    const restIds: string[] = [];
    let next = '';
    let pages = 0;
    do {
      const page = await searchRest({ filters, limit: 4, next });
      expect(page.orders.length).toBeLessThanOrEqual(4);
      restIds.push(...page.orders.map((o) => o.orderId));
      next = page.next;
      pages++;
    } while (next && pages < 20);
    expect(pages).toBe(6);
    expect(restIds).toHaveLength(23);
    expect(new Set(restIds)).toEqual(new Set(expectedIds));
    // Newest first: the creation dates of consecutive results never increase.
    const createdAt = new Map(messages.map((m) => [registry.deserialize<{ id: string }>(m.name, m.payload).id, m.occurredAt.getTime()]));
    expect(restIds.map((id) => createdAt.get(id)!)).toEqual([...restIds.map((id) => createdAt.get(id)!)].sort((a, b) => b - a));

    const grpcIds: string[] = [];
    const seconds = (iso: string) => ({ seconds: Date.parse(iso) / 1000, nanos: 0 });
    let cursor = '';
    do {
      const page = (await grpc.call('searchOrders', { filters: { after: seconds(filters.after), before: seconds(filters.before) }, limit: 10, next: cursor })) as {
        orders: Array<{ orderId: string }>;
        next: string;
      };
      grpcIds.push(...page.orders.map((o) => o.orderId));
      cursor = page.next;
    } while (cursor);
    expect(grpcIds).toEqual(restIds);
  });

  it('tolerates status events before OrderCreated: the placeholder is invisible, the later status wins', async () => {
    const c = await catalog();
    const orderId = randomUUID();
    // Readied overtakes Approved and both overtake OrderCreated (e.g. OrderCreated waited for a redelivery).
    const early = [statusEvent(SearchMessage.OrderReadied, orderId, c.customer), statusEvent(SearchMessage.OrderApproved, orderId, c.customer)];
    await publish(...early);
    await Promise.all(early.map((m) => handled(SearchConsumer.Orders, m)));
    expect(await getRest(orderId)).toMatchObject({ status: 404, body: { code: 5, message: `order ${orderId} not found` } });

    const creation = created(orderId, c.customer, [{ productId: c.p2, storeId: c.s1, price: 25, quantity: 2 }]);
    await publish(creation);
    await handled(SearchConsumer.Orders, creation);
    expect(await getRest(orderId)).toMatchObject({ status: 200, body: { order: { status: 'ready', total: 50, customerName: 'John Smith' } } });

    // A late, lower status changes nothing; completion moves it on.
    const late = statusEvent(SearchMessage.OrderApproved, orderId, c.customer);
    await publish(late);
    await handled(SearchConsumer.Orders, late);
    expect(await getRest(orderId)).toMatchObject({ body: { order: { status: 'ready' } } });
    const completed = statusEvent(SearchMessage.OrderCompleted, orderId, c.customer);
    await publish(completed);
    await handled(SearchConsumer.Orders, completed);
    expect(await getRest(orderId)).toMatchObject({ body: { order: { status: 'completed' } } });
  });

  it('handles a redelivered event once: one row, one inbox entry, no change', async () => {
    const c = await catalog();
    const orderId = randomUUID();
    const creation = created(orderId, c.customer, [{ productId: c.p1, storeId: c.s1, price: 9.99, quantity: 1 }]);
    const readied = statusEvent(SearchMessage.OrderReadied, orderId, c.customer);
    await publish(creation, readied);
    await handled(SearchConsumer.Orders, readied);
    // A replay marker lets the broker store the same message id again, as a redelivery would deliver it.
    const again = (m: Message): Message => ({ ...m, headers: { ...m.headers, [Header.Replay]: randomUUID() } });
    const sentinel = created(randomUUID(), c.customer, [{ productId: c.p1, storeId: c.s1, price: 1, quantity: 1 }]);
    await publish(again(creation), again(readied), sentinel);
    await handled(SearchConsumer.Orders, sentinel); // one consumer, in order: the copies have been handled by now
    expect(await rows('SELECT status, total_cents::int AS total FROM orders WHERE order_id = $1', [orderId])).toEqual([{ status: 'ready', total: 999 }]);
    expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = ANY($2)', [SearchConsumer.Orders, [creation.id, readied.id]])).toEqual([{ n: 2 }]);
  });

  it('dead-letters malformed messages and keeps consuming', async () => {
    await svc.jetstream.js.publish(SearchChannel.Orders, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-orders-1' });
    const c = await catalog();
    const fractionalCent = created(randomUUID(), c.customer, [{ productId: c.p1, storeId: c.s1, price: 1.005, quantity: 1 }]);
    const blankId = created('', c.customer, []);
    const good = created(randomUUID(), c.customer, [{ productId: c.p1, storeId: c.s1, price: 2, quantity: 1 }]);
    await publish(fractionalCent, blankId, good);
    await handled(SearchConsumer.Orders, good);
    const deadLetters = await eventually(async () => {
      const r = await rows('SELECT message_id FROM dead_letters WHERE consumer = $1 ORDER BY message_id', [SearchConsumer.Orders]);
      return r.length === 3 ? r.map((x) => x.message_id as string) : undefined;
    });
    expect(deadLetters).toEqual(['garbage-orders-1', fractionalCent.id, blankId.id].sort());
    expect(await rows('SELECT count(*)::int AS n FROM orders WHERE order_id = $1', [registry.deserialize<{ id: string }>(fractionalCent.name, fractionalCent.payload).id])).toEqual([{ n: 0 }]);
  });

  it('falls back to Customers and Stores on a cache miss, caches their answers, and names customers registered later', async () => {
    const customerId = randomUUID();
    const storeId = randomUUID();
    const productId = randomUUID();
    stub.stores.set(storeId, { id: storeId, name: 'Remote Store', location: '', participating: true });
    stub.products.set(productId, { id: productId, storeId, name: 'Remote Product', description: '', sku: '', price: 3 });
    stub.customers.set(customerId, { id: customerId, name: 'Remote Customer', smsNumber: '', enabled: true });
    const first = created(randomUUID(), customerId, [{ productId, storeId, price: 3, quantity: 1 }]);
    await publish(first);
    await handled(SearchConsumer.Orders, first);
    const firstId = registry.deserialize<{ id: string }>(first.name, first.payload).id;
    expect(await getRest(firstId)).toMatchObject({
      body: { order: { customerName: 'Remote Customer', items: [{ productName: 'Remote Product', storeName: 'Remote Store' }] } },
    });
    expect(await rows('SELECT source FROM customers_cache WHERE id = $1', [customerId])).toEqual([{ source: 'fallback' }]);
    const second = created(randomUUID(), customerId, [{ productId, storeId, price: 3, quantity: 2 }]);
    await publish(second);
    await handled(SearchConsumer.Orders, second);
    expect([stub.callsFor(customerId), stub.callsFor(productId), stub.callsFor(storeId)]).toEqual([1, 1, 1]);

    // Customers does not know this one (yet): the order is projected without the name, which its later
    // CustomerRegistered fills in.
    const newcomer = randomUUID();
    const early = created(randomUUID(), newcomer, [{ productId, storeId, price: 3, quantity: 1 }]);
    await publish(early);
    await handled(SearchConsumer.Orders, early);
    const earlyId = registry.deserialize<{ id: string }>(early.name, early.payload).id;
    expect(await getRest(earlyId)).toMatchObject({ body: { order: { customerName: '' } } });
    const registered = event(SearchChannel.Customers, SearchMessage.CustomerRegistered, { id: newcomer, name: 'Late Larry', smsNumber: '' });
    await publish(registered);
    await handled(SearchConsumer.Customers, registered);
    expect(await getRest(earlyId)).toMatchObject({ body: { order: { customerName: 'Late Larry' } } });
  });

  it('redelivers an order while its owners are unreachable, then projects it once they answer', async () => {
    const customerId = randomUUID();
    stub.customers.set(customerId, { id: customerId, name: 'Patient Pat', smsNumber: '', enabled: true });
    // Two UNAVAILABLE answers: the first delivery (a call and its retry) fails; the redelivery succeeds.
    stub.failures.push({ code: status.UNAVAILABLE, details: 'restarting' }, { code: status.UNAVAILABLE, details: 'restarting' });
    const message = created(randomUUID(), customerId, []);
    await publish(message);
    await handled(SearchConsumer.Orders, message);
    expect(await getRest(registry.deserialize<{ id: string }>(message.name, message.payload).id)).toMatchObject({ body: { order: { customerName: 'Patient Pat' } } });
    expect(stub.callsFor(customerId)).toBe(3);
  });

  describe('bad input', () => {
    it.each([
      [{ next: 'not-a-cursor' }, 'the "next" cursor is not valid; pass the one a previous response returned'],
      [{ filters: { status: 'shipped' } }, 'unknown order status "shipped"; expected one of pending, approved, rejected, cancelled, ready, completed'],
      [{ filters: { minTotal: 20, maxTotal: 10 } }, 'the minimum total cannot be greater than the maximum total'],
      [{ filters: { after: '2030-02-01T00:00:00Z', before: '2030-01-01T00:00:00Z' } }, 'the "after" time must be earlier than the "before" time'],
      [{ filters: { after: 'yesterday' } }, undefined],
      [{ filters: { storeIds: 's1' } }, undefined],
      [{ filters: 'everything' }, undefined],
      [{ filters: { minTotal: 'ten' } }, undefined],
      [{ limit: -1 }, undefined],
      [{ limit: 1.5 }, undefined],
      ['{not json', undefined],
    ])('answers SearchOrders %p with 400 and a JSON error', async (body, message) => {
      const response = await http('POST', `${svc.httpUrl}/api/search/orders`, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toMatchObject({ code: 3, details: [] });
      if (message) expect(response.body).toMatchObject({ message });
    });

    it('refuses a cursor reused with other filters', async () => {
      const c = await catalog();
      const messages = [1, 2].map(() => created(randomUUID(), c.customer, [{ productId: c.p1, storeId: c.s1, price: 1, quantity: 1 }]));
      await publish(...messages);
      await Promise.all(messages.map((m) => handled(SearchConsumer.Orders, m)));
      const { next } = await searchRest({ filters: { customerId: c.customer }, limit: 1 });
      expect(next).not.toBe('');
      expect(await http('POST', `${svc.httpUrl}/api/search/orders`, { filters: { customerId: 'someone-else' }, next })).toMatchObject({
        status: 400,
        body: { code: 3, message: 'the "next" cursor was made for other filters; start again without it' },
      });
    });

    it('answers an unknown order with 404 (REST) and NOT_FOUND (gRPC), and bad gRPC filters with INVALID_ARGUMENT', async () => {
      const unknown = randomUUID();
      expect(await getRest(unknown)).toMatchObject({ status: 404, body: { code: 5, message: `order ${unknown} not found`, details: [] } });
      await expect(grpc.call('getOrder', { id: unknown })).rejects.toMatchObject({ code: status.NOT_FOUND, details: `order ${unknown} not found` });
      await expect(grpc.call('getOrder', { id: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'the order id cannot be blank' });
      await expect(grpc.call('searchOrders', { filters: { minTotal: -1 } })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
      await expect(grpc.call('searchOrders', { next: 'garbage' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    });
  });

  it('serves its OpenAPI document at /search-spec/ with the reference’s routes', async () => {
    const spec = await http('GET', `${svc.httpUrl}/search-spec/api.swagger.json`);
    expect(spec.status).toBe(200);
    const paths = (spec.body as { paths: Record<string, Record<string, { operationId: string }>> }).paths;
    expect(paths['/api/search/orders']?.post?.operationId).toBe('searchOrders');
    expect(paths['/api/search/orders/{id}']?.get?.operationId).toBe('getOrder');
  });

  it('consumes order events with its own durable, not notifications’', async () => {
    const names: string[] = [];
    for await (const consumer of svc.jetstream.jsm.consumers.list('mallbots')) names.push(consumer.name);
    expect(names.sort()).toEqual([SearchConsumer.Customers, SearchConsumer.Orders, SearchConsumer.Products, SearchConsumer.Stores].sort());
  });
});
