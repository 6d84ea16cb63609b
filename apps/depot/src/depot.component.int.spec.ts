import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { commandMessage, decodeEnvelope, eventMessage, FailureReply, Header, JetStreamPublisher, type Message, SuccessReply } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, OwnersStub, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { DepotChannel, DepotConsumer, DepotMessage, depotRegistry, StoresChannel, StoresMessage } from './adapters/messaging/depot.messages.js';
import { DepotModule } from './depot.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const REPLIES = 'mallbots.cosec.replies.CreateOrder';

describe('depot service (REST, gRPC and messages on real PostgreSQL and NATS, Stores as a gRPC stub)', () => {
  let svc: ServiceUnderTest;
  let stub: OwnersStub;
  let grpc: GrpcTestClient;
  const registry = depotRegistry();
  const publish = (...messages: Message[]) => new JetStreamPublisher(svc.jetstream).publish(messages);

  const url = (path = '') => `${svc.httpUrl}/api/depot/shopping${path}`;
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;
  const listRow = async (id: string) => (await rows('SELECT order_id, status, assigned_bot_id, stops FROM shopping_lists WHERE id = $1', [id]))[0];
  const listCount = async () => (await rows('SELECT count(*)::int AS n FROM shopping_lists'))[0].n as number;

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

  /** A Stores integration event as the stores service's relay would publish it. */
  const storesEvent = (subject: string, name: string, payload: object): Message => eventMessage(registry, subject, { id: randomUUID(), name, payload, occurredAt: new Date() });
  /** A store and a product in depot's caches, fed through Stores' events (the normal path, no fallback). */
  const catalogThroughEvents = async () => {
    const storeId = randomUUID();
    const productId = randomUUID();
    await publish(storesEvent(StoresChannel.Store, StoresMessage.StoreCreated, { id: storeId, name: 'Nic & Naks', location: 'Level 1' }));
    await publish(storesEvent(StoresChannel.Product, StoresMessage.ProductAdded, { id: productId, storeId, name: 'Wizard w/ crystal', description: '', sku: 'W1', price: 9.99 }));
    // A boolean: eventually() takes 0 for an answer.
    await eventually(async () => (await rows('SELECT 1 FROM stores_cache WHERE id = $1', [storeId])).length > 0 && (await rows('SELECT 1 FROM products_cache WHERE id = $1', [productId])).length > 0);
    return { storeId, productId };
  };

  /** A saga command with its routing headers, as cosec sends it. */
  const command = (name: string, payload: object) =>
    commandMessage(registry, DepotChannel.Commands, { id: randomUUID(), name, payload, occurredAt: new Date() }, { replyChannel: REPLIES, sagaId: randomUUID(), sagaName: 'cosec.CreateOrder' });
  /** The one reply to a command (waits for it; fails if there are more). */
  const replyTo = async (sent: Message) => {
    const sagaId = sent.headers[Header.CommandSagaId]!;
    const replies = await eventually(async () => {
      const r = (await stored(REPLIES)).filter((m) => m.headers[Header.ReplySagaId] === sagaId);
      return r.length ? r : undefined;
    });
    expect(replies).toHaveLength(1);
    return replies![0]!;
  };
  const createByCommand = async (orderId: string, items: object[]) => {
    const sent = command(DepotMessage.CreateShoppingList, { orderId, items });
    await publish(sent);
    return replyTo(sent);
  };

  beforeAll(async () => {
    stub = await new OwnersStub().start();
    svc = await bootServiceForTest({
      service: 'depot',
      module: (config) => DepotModule.forRoot(config, migrationsDir, { stores: { deadlineMs: 1_000 } }),
      grpc: { package: grpcPackages.depot, protoFile: protoFiles.depot },
      openApi: { path: 'depot-spec', title: 'Depot Operations' },
      env: { RPC_SERVICES: `STORES=${stub.address}` },
    });
    grpc = grpcTestClient('depot', 'DepotService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    grpc?.close();
    await svc?.close();
    await stub?.stop();
  });

  describe('caches fed by Stores’ events', () => {
    it('keeps stores with their location and products without a price, following rebrands and removals', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      await publish(
        storesEvent(StoresChannel.Store, StoresMessage.StoreRebranded, { id: storeId, name: 'Nic & Naks & Co' }),
        storesEvent(StoresChannel.Product, StoresMessage.ProductRebranded, { id: productId, name: 'Wizard w/ sapphire', description: '' }),
      );
      await eventually(async () => (await rows('SELECT name FROM products_cache WHERE id = $1', [productId]))[0].name === 'Wizard w/ sapphire');
      await eventually(async () => (await rows('SELECT name FROM stores_cache WHERE id = $1', [storeId]))[0].name === 'Nic & Naks & Co');
      expect(await rows('SELECT name, location, source FROM stores_cache WHERE id = $1', [storeId])).toEqual([{ name: 'Nic & Naks & Co', location: 'Level 1', source: 'event' }]);
      await publish(storesEvent(StoresChannel.Product, StoresMessage.ProductRemoved, { id: productId }));
      await eventually(async () => (await rows('SELECT removed FROM products_cache WHERE id = $1', [productId]))[0].removed === true);
      expect(stub.callsFor(storeId) + stub.callsFor(productId)).toBe(0);
    });
  });

  describe('the saga’s commands and their replies', () => {
    it('CreateShoppingList → CreatedShoppingListReply{id} (SUCCESS, saga headers copied); the list is stored pending, one stop per store', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      const orderId = randomUUID();
      const sent = command(DepotMessage.CreateShoppingList, { orderId, items: [{ productId, storeId, quantity: 2 }, { productId, storeId, quantity: 3 }] });
      await publish(sent);
      const reply = await replyTo(sent);
      expect(reply).toMatchObject({
        name: DepotMessage.CreatedShoppingList,
        headers: { [Header.ReplyOutcome]: 'SUCCESS', [Header.ReplySagaName]: 'cosec.CreateOrder', [Header.ReplySagaId]: sent.headers[Header.CommandSagaId] },
      });
      const { id } = registry.deserialize<{ id: string }>(reply.name, reply.payload);
      expect(await listRow(id)).toEqual({
        order_id: orderId,
        status: 'pending',
        assigned_bot_id: '',
        stops: { [storeId]: { storeName: 'Nic & Naks', storeLocation: 'Level 1', items: { [productId]: { name: 'Wizard w/ crystal', quantity: 5 } } } },
      });
    });

    it('CreateShoppingList for a product nobody knows → am.Failure with the reason, nothing stored', async () => {
      const { storeId } = await catalogThroughEvents();
      const before = await listCount();
      const unknown = randomUUID();
      const reply = await createByCommand(randomUUID(), [{ productId: unknown, storeId, quantity: 1 }]);
      expect(reply).toMatchObject({ name: FailureReply, headers: { [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: `building shopping list: product ${unknown} was not located` } });
      expect(stub.callsFor(unknown)).toBe(1); // asked Stores — not depot itself — before refusing
      expect(await listCount()).toBe(before);
    });

    it('InitiateShopping makes a pending list available (am.Success); a second one is refused (am.Failure), as is CancelShoppingList for an unknown id', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      const created = await createByCommand(randomUUID(), [{ productId, storeId, quantity: 1 }]);
      const { id } = registry.deserialize<{ id: string }>(created.name, created.payload);

      const initiate = command(DepotMessage.InitiateShopping, { id });
      await publish(initiate);
      expect(await replyTo(initiate)).toMatchObject({ name: SuccessReply, headers: { [Header.ReplyOutcome]: 'SUCCESS' } });
      expect((await listRow(id)).status).toBe('available');

      const again = command(DepotMessage.InitiateShopping, { id });
      await publish(again);
      expect(await replyTo(again)).toMatchObject({ name: FailureReply, headers: { [Header.ReplyError]: 'the shopping list cannot be initiated' } });

      const unknown = randomUUID();
      const cancelUnknown = command(DepotMessage.CancelShoppingList, { id: unknown });
      await publish(cancelUnknown);
      expect(await replyTo(cancelUnknown)).toMatchObject({ name: FailureReply, headers: { [Header.ReplyError]: `shopping list ${unknown} not found` } });
      expect(await listRow(unknown)).toBeUndefined();
    });

    it('CancelShoppingList (the compensation) cancels a list: am.Success', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      const created = await createByCommand(randomUUID(), [{ productId, storeId, quantity: 1 }]);
      const { id } = registry.deserialize<{ id: string }>(created.name, created.payload);
      const cancel = command(DepotMessage.CancelShoppingList, { id });
      await publish(cancel);
      expect(await replyTo(cancel)).toMatchObject({ name: SuccessReply });
      expect((await listRow(id)).status).toBe('canceled');
    });

    it('handles a redelivered command once (one list, one reply, one inbox row) and dead-letters a malformed message while carrying on', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      const orderId = randomUUID();
      const first = command(DepotMessage.CreateShoppingList, { orderId, items: [{ productId, storeId, quantity: 1 }] });
      // A replay marker lets the broker store the same message id again, as a redelivery would deliver it.
      await publish(first, { ...first, headers: { ...first.headers, [Header.Replay]: 'again' } });
      await svc.jetstream.js.publish(DepotChannel.Commands, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-depot-1' });
      const after = command(DepotMessage.CreateShoppingList, { orderId: randomUUID(), items: [{ productId, storeId, quantity: 1 }] });
      await publish(after);

      await replyTo(after); // one consumer, in order: everything before it has been handled by now
      await replyTo(first); // exactly one reply
      expect(await rows('SELECT count(*)::int AS n FROM shopping_lists WHERE order_id = $1', [orderId])).toEqual([{ n: 1 }]);
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', [DepotConsumer.Commands, first.id])).toEqual([{ n: 1 }]);
      const deadLetters = await eventually(async () => {
        const r = await rows('SELECT message_id FROM dead_letters WHERE consumer = $1', [DepotConsumer.Commands]);
        return r.length ? r : undefined;
      });
      expect(deadLetters).toEqual([{ message_id: 'garbage-depot-1' }]);
    });
  });

  describe('the Stores fallback on a cache miss', () => {
    it('asks the stores service (gRPC stub) for a store and a product it has not cached, then caches both', async () => {
      const storeId = randomUUID();
      const productId = randomUUID();
      stub.stores.set(storeId, { id: storeId, name: 'Fallback Store', location: 'Basement', participating: true });
      stub.products.set(productId, { id: productId, storeId, name: 'Fallback Product', description: '', sku: '', price: 1 });

      const reply = await createByCommand(randomUUID(), [{ productId, storeId, quantity: 1 }]);
      expect(reply.name).toBe(DepotMessage.CreatedShoppingList);
      expect(stub.calls.filter((c) => c.id === storeId || c.id === productId)).toEqual([
        { method: 'GetStore', id: storeId },
        { method: 'GetProduct', id: productId },
      ]);
      expect(await rows('SELECT name, location, source FROM stores_cache WHERE id = $1', [storeId])).toEqual([{ name: 'Fallback Store', location: 'Basement', source: 'fallback' }]);
      expect(await rows('SELECT name, source FROM products_cache WHERE id = $1', [productId])).toEqual([{ name: 'Fallback Product', source: 'fallback' }]);

      await createByCommand(randomUUID(), [{ productId, storeId, quantity: 1 }]);
      expect(stub.callsFor(storeId) + stub.callsFor(productId)).toBe(2); // the second list came from the cache
    });
  });

  describe('REST', () => {
    it('runs a list from creation to completion with the reference’s paths; bots find available lists; ShoppingListCompleted is published', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      const orderId = randomUUID();
      const created = await http('POST', url(), { orderId, items: [{ productId, storeId, quantity: 1 }], unknownField: true });
      expect(created.status).toBe(200);
      const { id } = created.body as { id: string };
      expect(await http('POST', url(), { orderId, items: [{ productId, storeId, quantity: 1 }] })).toMatchObject({ status: 200, body: { id } }); // one list per order

      const initiate = command(DepotMessage.InitiateShopping, { id });
      await publish(initiate);
      await replyTo(initiate);
      const available = await http('GET', `${url()}?status=available&limit=500`);
      expect(available.status).toBe(200);
      expect((available.body as { shoppingLists: Array<{ id: string }> }).shoppingLists.map((l) => l.id)).toContain(id);

      expect(await http('PUT', url(`/${id}/complete`), {})).toMatchObject({ status: 400, body: { code: 3, message: 'the shopping list cannot be completed' } });
      expect(await http('PUT', url(`/${id}/assign`), { botId: 'bot-7' })).toMatchObject({ status: 200, body: {} });
      expect(await http('PUT', url(`/${id}/complete`), {})).toMatchObject({ status: 200, body: {} });
      expect(await http('GET', url(`/${id}`))).toMatchObject({
        status: 200,
        body: { shoppingList: { id, orderId, assignedBotId: 'bot-7', status: 'completed', stops: { [storeId]: { storeName: 'Nic & Naks', storeLocation: 'Level 1', items: { [productId]: { name: 'Wizard w/ crystal', quantity: 1 } } } } } },
      });
      expect(await http('POST', url(`/${id}`), {})).toMatchObject({ status: 400, body: { message: 'the shopping list cannot be canceled' } });

      const completed = await eventually(async () => {
        const m = (await stored(DepotChannel.ShoppingListEvents)).filter((e) => registry.deserialize<{ id: string }>(e.name, e.payload).id === id);
        return m.length ? m : undefined;
      });
      expect(completed!.map((m) => [m.name, registry.deserialize(m.name, m.payload)])).toEqual([[DepotMessage.ShoppingListCompleted, { id, orderId }]]);
    });

    it.each([
      ['a blank order id', { orderId: '', items: [{ productId: 'p', storeId: 's', quantity: 1 }] }, 3, 'the order id cannot be blank'],
      ['no items', { orderId: 'o' }, 3, 'the shopping list has no items'],
      ['a negative quantity', { orderId: 'o', items: [{ productId: 'p', storeId: 's', quantity: -1 }] }, 3, 'the item quantity must be a positive whole number'],
      ['a fractional quantity', { orderId: 'o', items: [{ productId: 'p', storeId: 's', quantity: 1.5 }] }, 3, undefined],
      ['a wrong type', { orderId: 42, items: [] }, 3, 'orderId must be a string'],
      ['items that are not a list', { orderId: 'o', items: 'many' }, 3, undefined],
      ['broken JSON', '{not json', undefined, undefined],
    ])('answers %s with 400 and a JSON error, changing nothing', async (_what, body, code, message) => {
      const before = await listCount();
      const response = await http('POST', url(), body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      if (code) expect(response.body).toMatchObject({ code, details: expect.any(Array) });
      if (message) expect((response.body as { message: string }).message).toBe(message);
      expect(await listCount()).toBe(before);
    });

    it('refuses a bad list query and a blank bot id with 400, and answers unknown ids with 404, creating nothing', async () => {
      expect((await http('GET', `${url()}?status=lost`)).status).toBe(400);
      expect((await http('GET', `${url()}?limit=0`)).status).toBe(400);
      const unknown = randomUUID();
      expect(await http('GET', url(`/${unknown}`))).toMatchObject({ status: 404, body: { code: 5, message: `shopping list ${unknown} not found` } });
      expect((await http('POST', url(`/${unknown}`), {})).status).toBe(404);
      expect((await http('PUT', url(`/${unknown}/assign`), { botId: 'bot-1' })).status).toBe(404);
      expect((await http('PUT', url(`/${unknown}/complete`), {})).status).toBe(404);
      expect(await listRow(unknown)).toBeUndefined();

      const { storeId, productId } = await catalogThroughEvents();
      const created = await http('POST', url(), { orderId: randomUUID(), items: [{ productId, storeId, quantity: 1 }] });
      expect(created).toMatchObject({ status: 200, body: { id: expect.any(String) } });
      const { id } = created.body as { id: string };
      expect(await http('PUT', url(`/${id}/assign`), { botId: ' ' })).toMatchObject({ status: 400, body: { message: 'the bot id cannot be blank' } });
      expect(await http('PUT', url(`/${id}/assign`), { botId: 7 })).toMatchObject({ status: 400 });
      expect((await listRow(id)).status).toBe('pending');
    });

    it('serves liveness, readiness, metrics and the OpenAPI document “Depot Operations”', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200 });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect((await http('GET', `${svc.httpUrl}/metrics`)).body).toContain('outbox_backlog');
      const spec = (await http('GET', `${svc.httpUrl}/depot-spec/api.swagger.json`)).body as { info: { title: string }; paths: object };
      expect(spec.info.title).toBe('Depot Operations');
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/depot/shopping', '/api/depot/shopping/{id}', '/api/depot/shopping/{id}/assign', '/api/depot/shopping/{id}/complete']));
    });
  });

  describe('gRPC', () => {
    it('serves depotpb.DepotService: every RPC, with typed errors as gRPC statuses', async () => {
      const { storeId, productId } = await catalogThroughEvents();
      const orderId = randomUUID();
      const { id } = (await grpc.call('createShoppingList', { orderId, items: [{ productId, storeId, quantity: 2 }] })) as { id: string };
      expect((await listRow(id)).order_id).toBe(orderId);
      await expect(grpc.call('assignShoppingList', { id, botId: 'bot-1' })).rejects.toMatchObject({ code: 3, details: 'the shopping list cannot be assigned' });
      await expect(grpc.call('completeShoppingList', { id })).rejects.toMatchObject({ code: 3, details: 'the shopping list cannot be completed' });
      expect(await grpc.call('cancelShoppingList', { id })).toEqual({});
      expect((await listRow(id)).status).toBe('canceled');
      await expect(grpc.call('cancelShoppingList', { id: 'nope' })).rejects.toMatchObject({ code: 5 });
      await expect(grpc.call('createShoppingList', { orderId: '', items: [] })).rejects.toMatchObject({ code: 3, details: 'the order id cannot be blank' });
    });
  });
});
