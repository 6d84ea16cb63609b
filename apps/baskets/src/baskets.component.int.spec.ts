import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { decodeEnvelope, eventMessage, Header, JetStreamPublisher, type Message } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import type { BasketCheckedOut } from '@mallbots/contracts/baskets';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, OwnersStub, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { BasketsChannel, BasketsConsumer, BasketsMessage, basketsRegistry, StoresChannel, StoresMessage } from './adapters/messaging/baskets.messages.js';
import { BasketsModule } from './baskets.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));


describe('baskets service (REST, gRPC and messages on real PostgreSQL and NATS, Stores as a gRPC stub)', () => {
  let svc: ServiceUnderTest;
  let stub: OwnersStub;
  let grpc: GrpcTestClient;
  const registry = basketsRegistry();
  const publisher = () => new JetStreamPublisher(svc.jetstream);

  const url = (path = '') => `${svc.httpUrl}/api/baskets${path}`;
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;
  const eventCount = async (basketId: string) => (await rows('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [basketId]))[0].n as number;
  const call = (method: string, request: object) => grpc.call(method, request);

  /** A Stores integration event as the stores service's relay would publish it. */
  const storesEvent = (subject: string, name: string, payload: object): Message =>
    eventMessage(registry, subject, { id: randomUUID(), name, payload, occurredAt: new Date() });
  const publishStores = (...messages: Message[]) => publisher().publish(messages);

  const cachedProduct = async (id: string) => (await rows('SELECT store_id, name, price_cents::int AS price_cents, source, removed FROM products_cache WHERE id = $1', [id]))[0];
  const cachedStore = async (id: string) => (await rows('SELECT name, source FROM stores_cache WHERE id = $1', [id]))[0];

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
  const basketMessages = async (basketId: string) =>
    (await stored(BasketsChannel.Events)).filter((m) => registry.deserialize<{ id: string }>(m.name, m.payload).id === basketId);

  /** A store and a product in the caches, fed through Stores' events (the normal path, no fallback). */
  const catalogThroughEvents = async (price = 9.99) => {
    const storeId = randomUUID();
    const productId = randomUUID();
    await publishStores(storesEvent(StoresChannel.Store, StoresMessage.StoreCreated, { id: storeId, name: 'Nic & Naks', location: 'Level 1' }));
    await publishStores(storesEvent(StoresChannel.Product, StoresMessage.ProductAdded, { id: productId, storeId, name: 'Wizard w/ crystal', description: '', sku: 'W1', price }));
    await eventually(async () => (await cachedStore(storeId)) && (await cachedProduct(productId)));
    return { storeId, productId };
  };
  const startBasket = async (customerId = 'customer-id') => {
    const response = await http('POST', url(), { customerId });
    expect(response.status).toBe(200);
    return (response.body as { id: string }).id;
  };

  beforeAll(async () => {
    stub = await new OwnersStub().start();
    svc = await bootServiceForTest({
      service: 'baskets',
      module: (config) => BasketsModule.forRoot(config, migrationsDir, { stores: { deadlineMs: 1_000 } }),
      grpc: { package: grpcPackages.baskets, protoFile: protoFiles.baskets },
      openApi: { path: 'baskets-spec', title: 'Shopping Baskets' },
      env: { RPC_SERVICES: `STORES=${stub.address}` },
    });
    grpc = grpcTestClient('baskets', 'BasketService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await stub?.stop();
  });

  describe('caches fed by Stores’ events', () => {
    it('caches stores and products, following rebrands and price increases and decreases in exact cents', async () => {
      const { storeId, productId } = await catalogThroughEvents(9.99);
      await publishStores(
        storesEvent(StoresChannel.Product, StoresMessage.ProductPriceIncreased, { id: productId, delta: 0.5 }),
        storesEvent(StoresChannel.Product, StoresMessage.ProductPriceIncreased, { id: productId, delta: 0.1 }),
        storesEvent(StoresChannel.Product, StoresMessage.ProductPriceDecreased, { id: productId, delta: -0.2 }),
        storesEvent(StoresChannel.Product, StoresMessage.ProductRebranded, { id: productId, name: 'Wizard w/ sapphire', description: '' }),
      );
      await publishStores(storesEvent(StoresChannel.Store, StoresMessage.StoreRebranded, { id: storeId, name: 'Nic & Naks & Co' }));
      await eventually(async () => (await cachedProduct(productId)).name === 'Wizard w/ sapphire' && (await cachedStore(storeId)).name === 'Nic & Naks & Co');
      expect(await cachedProduct(productId)).toEqual({ store_id: storeId, name: 'Wizard w/ sapphire', price_cents: 1039, source: 'event', removed: false });
      expect(stub.callsFor(productId)).toBe(0);
    });

    it('handles a redelivered (replay-marked) store event once: one cache row, one inbox row', async () => {
      const storeId = randomUUID();
      const created = storesEvent(StoresChannel.Store, StoresMessage.StoreCreated, { id: storeId, name: 'Once', location: '' });
      // A replay marker lets the broker store the same message id again, as a redelivery would deliver it.
      await publishStores(created, { ...created, headers: { ...created.headers, [Header.Replay]: 'again' } });
      const sentinel = randomUUID();
      await publishStores(storesEvent(StoresChannel.Store, StoresMessage.StoreCreated, { id: sentinel, name: 'Sentinel', location: '' }));
      await eventually(() => cachedStore(sentinel)); // one consumer, in order: the copy has been handled by now
      expect(await rows('SELECT name, source FROM stores_cache WHERE id = $1', [storeId])).toEqual([{ name: 'Once', source: 'event' }]);
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', [BasketsConsumer.Stores, created.id])).toEqual([{ n: 1 }]);
    });

    it('dead-letters a malformed message and carries on with the next one', async () => {
      await svc.jetstream.js.publish(StoresChannel.Store, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-stores-1' });
      const badPrice = storesEvent(StoresChannel.Product, StoresMessage.ProductAdded, { id: randomUUID(), storeId: 's', name: 'x', description: '', sku: '', price: 1.005 });
      await publishStores(badPrice);
      const { productId } = await catalogThroughEvents();
      expect(await cachedProduct(productId)).toBeDefined();
      const deadLetters = await eventually(async () => {
        const r = await rows('SELECT consumer, message_id FROM dead_letters ORDER BY consumer');
        return r.length === 2 ? r : undefined;
      });
      expect(deadLetters).toEqual([
        { consumer: BasketsConsumer.Products, message_id: badPrice.id },
        { consumer: BasketsConsumer.Stores, message_id: 'garbage-stores-1' },
      ]);
    });
  });

  describe('REST', () => {
    it('runs a basket from start to checkout with the reference’s paths and bodies; BasketCheckedOut carries the lines', async () => {
      const { storeId, productId } = await catalogThroughEvents(9.99);
      await publishStores(storesEvent(StoresChannel.Product, StoresMessage.ProductPriceIncreased, { id: productId, delta: 0.5 }));
      await eventually(async () => (await cachedProduct(productId)).price_cents === 1049);
      const second = randomUUID();
      await publishStores(storesEvent(StoresChannel.Product, StoresMessage.ProductAdded, { id: second, storeId, name: 'Broom', description: '', sku: 'B1', price: 12.5 }));
      await eventually(() => cachedProduct(second));

      const id = await startBasket('customer-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const added = await http('PUT', url(`/${id}/addItem`), { productId, quantity: 2 });
      expect(added).toMatchObject({ status: 200, body: {} });
      expect(added.contentType).toContain('application/json');
      await http('PUT', url(`/${id}/addItem`), { productId: second, quantity: 1 });
      expect(await http('PUT', url(`/${id}/removeItem`), { productId, quantity: 1 })).toMatchObject({ status: 200, body: {} }); // 1 of 2 leaves 1

      expect(await http('GET', url(`/${id}`))).toMatchObject({
        status: 200,
        body: {
          basket: {
            id,
            items: [
              { storeId, productId, storeName: 'Nic & Naks', productName: 'Wizard w/ crystal', productPrice: 10.49, quantity: 1 },
              { storeId, productId: second, storeName: 'Nic & Naks', productName: 'Broom', productPrice: 12.5, quantity: 1 },
            ],
            customerId: 'customer-id',
            paymentId: '',
            status: 'open',
            total: 22.99,
          },
        },
      });

      expect(await http('PUT', url(`/${id}/checkout`), { paymentId: '' })).toMatchObject({ status: 400, body: { code: 3, message: 'the payment id cannot be blank' } });
      expect(await http('PUT', url(`/${id}/checkout`), { paymentId: 'payment-id' })).toMatchObject({ status: 200, body: {} });
      expect(await http('GET', url(`/${id}`))).toMatchObject({ body: { basket: { status: 'checked_out', paymentId: 'payment-id' } } });
      expect(await http('PUT', url(`/${id}/addItem`), { productId, quantity: 1 })).toMatchObject({ status: 400, body: { code: 3, message: 'the basket cannot be modified' } });

      const messages = await eventually(async () => {
        const mine = await basketMessages(id);
        return mine.length === 2 ? mine : undefined;
      });
      expect(messages!.map((m) => m.name)).toEqual([BasketsMessage.BasketStarted, BasketsMessage.BasketCheckedOut]);
      expect(registry.deserialize(BasketsMessage.BasketStarted, messages![0]!.payload)).toEqual({ id, customerId: 'customer-id' });
      expect(registry.deserialize<BasketCheckedOut>(BasketsMessage.BasketCheckedOut, messages![1]!.payload)).toEqual({
        id,
        customerId: 'customer-id',
        paymentId: 'payment-id',
        items: [
          { storeId, productId, storeName: 'Nic & Naks', productName: 'Wizard w/ crystal', price: 10.49, quantity: 1 },
          { storeId, productId: second, storeName: 'Nic & Naks', productName: 'Broom', price: 12.5, quantity: 1 },
        ],
      });
    });

    it('answers a negative quantity with 400 and the pact’s JSON message, changing nothing', async () => {
      const { productId } = await catalogThroughEvents();
      const id = await startBasket();
      const before = await eventCount(id);
      const response = await http('PUT', url(`/${id}/addItem`), { productId, quantity: -1 });
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toEqual({ code: 3, message: 'the item quantity cannot be negative', details: [] });
      expect(await http('PUT', url(`/${id}/removeItem`), { productId, quantity: -1 })).toMatchObject({ status: 400, body: { message: 'the item quantity cannot be negative' } });
      expect(await eventCount(id)).toBe(before);
    });

    it.each([
      [{ customerId: '' }, 'the customer id cannot be blank'],
      [{}, 'the customer id cannot be blank'],
      [{ customerId: 42 }, 'customerId must be a string'],
      ['{not json', undefined],
    ])('refuses to start a basket for %p with 400 and a JSON error', async (body, message) => {
      const before = (await rows('SELECT count(*)::int AS n FROM events'))[0].n;
      const response = await http('POST', url(), body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      if (message) expect(response.body).toMatchObject({ code: 3, message });
      expect((await rows('SELECT count(*)::int AS n FROM events'))[0].n).toBe(before);
    });

    it('refuses wrong types in an item body with 400 before anything runs', async () => {
      const id = await startBasket();
      expect(await http('PUT', url(`/${id}/addItem`), { productId: 'x', quantity: 'two' })).toMatchObject({ status: 400, body: { code: 3 } });
      expect(await http('PUT', url(`/${id}/addItem`), { productId: 'x', quantity: 2 ** 31 })).toMatchObject({ status: 400, body: { code: 3 } });
      expect(await eventCount(id)).toBe(1);
    });

    it('cancels a basket: emptied, BasketCanceled published, a second cancel refused', async () => {
      const { productId } = await catalogThroughEvents();
      const id = await startBasket();
      await http('PUT', url(`/${id}/addItem`), { productId, quantity: 3 });
      expect(await http('DELETE', url(`/${id}`))).toMatchObject({ status: 200, body: {} });
      expect(await http('GET', url(`/${id}`))).toMatchObject({ body: { basket: { id, items: [], status: 'canceled', total: 0 } } });
      expect(await http('DELETE', url(`/${id}`))).toMatchObject({ status: 400, body: { code: 3, message: 'the basket cannot be cancelled' } });
      const messages = await eventually(async () => {
        const mine = await basketMessages(id);
        return mine.length === 2 ? mine : undefined;
      });
      expect(messages!.map((m) => m.name)).toEqual([BasketsMessage.BasketStarted, BasketsMessage.BasketCanceled]);
      expect(registry.deserialize(BasketsMessage.BasketCanceled, messages![1]!.payload)).toEqual({ id });
    });

    it('answers unknown basket ids with 404 and never creates a stream', async () => {
      const { productId } = await catalogThroughEvents();
      const unknown = randomUUID();
      for (const [method, path, body] of [
        ['GET', `/${unknown}`, undefined],
        ['DELETE', `/${unknown}`, undefined],
        ['PUT', `/${unknown}/checkout`, { paymentId: 'p' }],
        ['PUT', `/${unknown}/addItem`, { productId, quantity: 1 }],
        ['PUT', `/${unknown}/removeItem`, { productId, quantity: 1 }],
      ] as const) {
        expect(await http(method, url(path), body)).toMatchObject({ status: 404, body: { code: 5, message: `basket ${unknown} not found` } });
      }
      expect(await eventCount(unknown)).toBe(0);
    });

    it('snapshots a long basket and still loads it exactly', async () => {
      const { productId } = await catalogThroughEvents(0.1);
      const id = await startBasket();
      for (let i = 0; i < 11; i++) await http('PUT', url(`/${id}/addItem`), { productId, quantity: 1 });
      expect(await rows('SELECT stream_version, snapshot_name FROM snapshots WHERE stream_id = $1', [id])).toEqual([{ stream_version: 10, snapshot_name: 'baskets.BasketV1' }]);
      expect(await http('GET', url(`/${id}`))).toMatchObject({ body: { basket: { items: [{ productId, quantity: 11, productPrice: 0.1 }], total: 1.1 } } });
    });

    it('serves liveness, readiness, metrics and the OpenAPI document “Shopping Baskets”', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200 });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok' } });
      await startBasket();
      expect((await http('GET', `${svc.httpUrl}/metrics`)).body).toMatch(/baskets_started_count \d+/);
      const spec = (await http('GET', `${svc.httpUrl}/baskets-spec/api.swagger.json`)).body as { info: { title: string }; paths: Record<string, Record<string, { operationId: string }>> };
      expect(spec.info.title).toBe('Shopping Baskets');
      const operations = Object.values(spec.paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
      expect(operations.sort()).toEqual(['addItem', 'cancelBasket', 'checkoutBasket', 'getBasket', 'removeItem', 'startBasket']);
    });
  });

  describe('the Stores fallback on a cache miss', () => {
    it('asks Stores (gRPC) for a product and store it has not cached, then caches both', async () => {
      const storeId = randomUUID();
      const productId = randomUUID();
      stub.stores.set(storeId, { id: storeId, name: 'Remote Store', location: 'Level 2', participating: true });
      stub.products.set(productId, { id: productId, storeId, name: 'Remote Product', description: '', sku: 'R1', price: 4.2 });
      const id = await startBasket();
      expect(await http('PUT', url(`/${id}/addItem`), { productId, quantity: 1 })).toMatchObject({ status: 200, body: {} });
      expect(await cachedProduct(productId)).toEqual({ store_id: storeId, name: 'Remote Product', price_cents: 420, source: 'fallback', removed: false });
      expect(await cachedStore(storeId)).toEqual({ name: 'Remote Store', source: 'fallback' });
      await http('PUT', url(`/${id}/addItem`), { productId, quantity: 1 });
      expect([stub.callsFor(productId), stub.callsFor(storeId)]).toEqual([1, 1]);
      expect(await http('GET', url(`/${id}`))).toMatchObject({ body: { basket: { items: [{ productId, storeName: 'Remote Store', productPrice: 4.2, quantity: 2 }] } } });

      // The Stores event for the same product arrives after the fallback cached it: no failure, one row, and the
      // event's row replaces the fallback's so later price deltas apply to the price they were computed from.
      const added = storesEvent(StoresChannel.Product, StoresMessage.ProductAdded, { id: productId, storeId, name: 'Remote Product', description: '', sku: 'R1', price: 4 });
      const increased = storesEvent(StoresChannel.Product, StoresMessage.ProductPriceIncreased, { id: productId, delta: 0.2 });
      await publishStores(added, increased);
      await eventually(async () => (await rows('SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2', [BasketsConsumer.Products, increased.id])).length === 1);
      expect(await rows('SELECT price_cents::int AS price_cents, source FROM products_cache WHERE id = $1', [productId])).toEqual([{ price_cents: 420, source: 'event' }]);
      expect(await rows('SELECT count(*)::int AS n FROM dead_letters WHERE message_id = ANY($1)', [[added.id, increased.id]])).toEqual([{ n: 0 }]);
    });

    it('answers a product Stores does not know with the reference’s text (404), caching nothing', async () => {
      const id = await startBasket();
      const unknown = randomUUID();
      const response = await http('PUT', url(`/${id}/addItem`), { productId: unknown, quantity: 1 });
      expect(response).toMatchObject({ status: 404, body: { code: 5, message: 'product fallback failed: product was not located' } });
      expect(stub.callsFor(unknown)).toBe(1);
      expect(await cachedProduct(unknown)).toBeUndefined();
      expect(await eventCount(id)).toBe(1);
    });

    it('answers a Stores outage with 503 under the reference’s prefix', async () => {
      const id = await startBasket();
      const productId = randomUUID();
      stub.failures.push({ code: status.UNAVAILABLE, details: 'stores is restarting' }, { code: status.UNAVAILABLE, details: 'stores is restarting' });
      const response = await http('PUT', url(`/${id}/addItem`), { productId, quantity: 1 });
      expect(response).toMatchObject({ status: 503, body: { code: 14, message: 'product fallback failed: the stores service is unavailable' } });
      expect(stub.callsFor(productId)).toBe(2); // one retry of an unreachable call
    });

    it('refuses a removed product (its tombstone answers at once), while a basket holding it can still remove it', async () => {
      const { productId } = await catalogThroughEvents();
      const id = await startBasket();
      await http('PUT', url(`/${id}/addItem`), { productId, quantity: 2 });
      await publishStores(storesEvent(StoresChannel.Product, StoresMessage.ProductRemoved, { id: productId }));
      await eventually(async () => (await cachedProduct(productId)).removed);
      const other = await startBasket();
      expect(await http('PUT', url(`/${other}/addItem`), { productId, quantity: 1 })).toMatchObject({ status: 404, body: { message: 'product fallback failed: product was not located' } });
      expect(stub.callsFor(productId)).toBe(0);
      expect(await http('PUT', url(`/${id}/removeItem`), { productId, quantity: 2 })).toMatchObject({ status: 200 });
      expect(await http('GET', url(`/${id}`))).toMatchObject({ body: { basket: { items: [] } } });
    });
  });

  describe('gRPC', () => {
    it('serves basketspb.BasketService with typed errors as gRPC statuses', async () => {
      const { storeId, productId } = await catalogThroughEvents(9.99);
      const { id } = (await call('startBasket', { customerId: 'grpc-customer' })) as { id: string };
      expect(await call('addItem', { id, productId, quantity: 2 })).toEqual({});
      await call('removeItem', { id, productId, quantity: 1 });
      expect(await call('getBasket', { id })).toEqual({
        basket: { id, items: [{ storeId, productId, storeName: 'Nic & Naks', productName: 'Wizard w/ crystal', productPrice: 9.99, quantity: 1 }] },
      });
      await expect(call('addItem', { id, productId, quantity: -1 })).rejects.toMatchObject({ code: 3, details: 'the item quantity cannot be negative' });
      await expect(call('addItem', { id, productId: randomUUID(), quantity: 1 })).rejects.toMatchObject({ code: 5, details: 'product fallback failed: product was not located' });
      await expect(call('checkoutBasket', { id, paymentId: '' })).rejects.toMatchObject({ code: 3, details: 'the payment id cannot be blank' });
      expect(await call('checkoutBasket', { id, paymentId: 'grpc-payment' })).toEqual({});
      await expect(call('cancelBasket', { id })).rejects.toMatchObject({ code: 3, details: 'the basket cannot be cancelled' });
      await expect(call('getBasket', { id: randomUUID() })).rejects.toMatchObject({ code: 5 });
      await expect(call('startBasket', { customerId: '' })).rejects.toMatchObject({ code: 3, details: 'the customer id cannot be blank' });

      const empty = (await call('startBasket', { customerId: 'grpc-customer' })) as { id: string };
      await expect(call('checkoutBasket', { id: empty.id, paymentId: 'p' })).rejects.toMatchObject({ code: 3, details: 'the basket has no items' });
      expect(await call('cancelBasket', { id: empty.id })).toEqual({});
    });
  });
});
