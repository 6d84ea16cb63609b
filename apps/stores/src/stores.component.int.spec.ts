import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { decodeEnvelope, type MessageRegistry } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { StoresChannel, StoresMessage, storesRegistry } from './adapters/messaging/stores.messages.js';
import { StoresModule } from './stores.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

type Json = Record<string, unknown>;

describe('stores service (REST, gRPC and integration events on real PostgreSQL and NATS)', () => {
  let svc: ServiceUnderTest;
  let grpc: GrpcTestClient;
  const registry: MessageRegistry = storesRegistry();

  const api = (path = '') => `${svc.httpUrl}/api/stores${path}`;
  const call = (method: string, request: object = {}) => grpc.call(method, request) as Promise<Json>;
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;

  const createStore = async (name = 'Mall Mart', location = 'Level 1') => {
    const response = await http('POST', api(), { name, location });
    expect(response.status).toBe(200);
    return (response.body as { id: string }).id;
  };
  const participatingStore = async (name = 'Kiosk Mart') => {
    const id = await createStore(name);
    expect((await http('PUT', api(`/${id}/participating`), {})).status).toBe(200);
    return id;
  };
  const addProduct = async (storeId: string, product: Json = {}) => {
    const response = await http('POST', api(`/${storeId}/products`), { name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 9.99, ...product });
    expect(response.status).toBe(200);
    return (response.body as { id: string }).id;
  };
  const getStore = async (id: string) => ((await http('GET', api(`/${id}`))).body as { store: Json }).store;
  const getProduct = async (id: string) => ((await http('GET', api(`/products/${id}`))).body as { product: Json }).product;

  /** Everything a request could change: streams, snapshots, outbox, and both read models. */
  const state = async () => ({
    events: await rows('SELECT stream_id, stream_version FROM events ORDER BY stream_id, stream_version'),
    snapshots: await rows('SELECT stream_id, stream_version FROM snapshots ORDER BY stream_id'),
    outbox: await rows('SELECT count(*)::int AS n FROM outbox'),
    stores: await rows('SELECT id, name, location, participating FROM stores ORDER BY id'),
    products: await rows('SELECT id, name, description, sku, price_cents FROM products ORDER BY id'),
  });

  /** The integration messages the stream holds on a subject, decoded. */
  const stored = async (subject: string) => {
    const messages = [];
    const info = await svc.jetstream.jsm.streams.info('mallbots');
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await svc.jetstream.jsm.streams.getMessage('mallbots', { seq }).catch(() => undefined);
      if (m && m.subject === subject) messages.push(decodeEnvelope(m.data, m.subject));
    }
    return messages;
  };
  /** The messages about one aggregate, once there are `count` of them: name and decoded payload. */
  const publishedAbout = async (subject: string, id: string, count: number) => {
    const mine = await eventually(async () => {
      const messages = (await stored(subject)).filter((m) => registry.deserialize<{ id: string }>(m.name, m.payload).id === id);
      return messages.length >= count ? messages : undefined;
    });
    return mine!.map((m) => ({ messageId: m.id, name: m.name, payload: registry.deserialize(m.name, m.payload) }));
  };

  beforeAll(async () => {
    svc = await bootServiceForTest({
      service: 'stores',
      module: (config) => StoresModule.forRoot(config, migrationsDir),
      grpc: { package: grpcPackages.stores, protoFile: protoFiles.stores },
      openApi: { path: 'stores-spec', title: 'Store Management' },
    });
    grpc = grpcTestClient('stores', 'StoresService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
  });

  describe('REST: stores (the mall)', () => {
    it('creates, reads, enables, rebrands and disables a store with the reference’s paths and bodies', async () => {
      const created = await http('POST', api(), { name: 'Mall Mart', location: 'Level 1', unknownField: 1 });
      expect(created).toMatchObject({ status: 200, contentType: expect.stringContaining('application/json') });
      const { id } = created.body as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await http('GET', api(`/${id}`))).toMatchObject({ status: 200, body: { store: { id, name: 'Mall Mart', location: 'Level 1', participating: false } } });
      expect(((await http('GET', api('/participating'))).body as { stores: Json[] }).stores).not.toContainEqual(expect.objectContaining({ id }));

      expect(await http('PUT', api(`/${id}/participating`), {})).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect(await http('GET', api('/participating'))).toMatchObject({ status: 200, body: { stores: expect.arrayContaining([{ id, name: 'Mall Mart', location: 'Level 1', participating: true }]) } });

      expect(await http('PUT', api(`/${id}/rebrand`), { name: 'Mega Mart' })).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect(await http('DELETE', api(`/${id}/participating`))).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect(await getStore(id)).toEqual({ id, name: 'Mega Mart', location: 'Level 1', participating: false });
      expect(await http('GET', api())).toMatchObject({ status: 200, body: { stores: expect.arrayContaining([{ id, name: 'Mega Mart', location: 'Level 1', participating: false }]) } });
      expect(((await http('GET', api('/participating'))).body as { stores: Json[] }).stores).not.toContainEqual(expect.objectContaining({ id }));
    });

    it('lists stores oldest first, and only participating ones on /participating', async () => {
      const first = await createStore('First');
      const second = await participatingStore('Second');
      const third = await createStore('Third');
      const all = ((await http('GET', api())).body as { stores: Json[] }).stores.map((s) => s.id);
      expect(all.filter((id) => [first, second, third].includes(id as string))).toEqual([first, second, third]);
      const participating = ((await http('GET', api('/participating'))).body as { stores: Json[] }).stores;
      expect(participating.every((s) => s.participating === true)).toBe(true);
      expect(participating.map((s) => s.id)).toContain(second);
      expect(participating.map((s) => s.id)).not.toContain(first);
    });
  });

  describe('REST: products (the catalog)', () => {
    it('adds a product, changes its price exactly, rebrands it and removes it from the catalog', async () => {
      const storeId = await createStore();
      const created = await http('POST', api(`/${storeId}/products`), { name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 9.99 });
      expect(created.status).toBe(200);
      const { id } = created.body as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const other = await addProduct(storeId, { name: 'Bag', price: 0 });
      expect(await http('GET', api(`/products/${id}`))).toMatchObject({
        status: 200,
        body: { product: { id, storeId, name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 9.99 } },
      });

      expect(await http('PUT', api(`/products/${id}/increasePrice`), { price: 12.5 })).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect((await getProduct(id)).price).toBe(12.5);
      // What a float client computes for 0.1 + 0.2 lands on exactly 30 cents.
      expect(await http('PUT', api(`/products/${id}/decreasePrice`), { price: 0.1 + 0.2 })).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect((await getProduct(id)).price).toBe(0.3);
      expect(await rows('SELECT price_cents::int AS cents FROM products WHERE id = $1', [id])).toEqual([{ cents: 30 }]);

      expect(await http('PUT', api(`/products/${id}/rebrand`), { name: 'Big Basket', description: '' })).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect(await http('GET', api(`/${storeId}/products`))).toMatchObject({
        status: 200,
        body: {
          products: [
            { id, storeId, name: 'Big Basket', description: '', sku: 'BSK-1', price: 0.3 },
            { id: other, storeId, name: 'Bag', description: 'Woven', sku: 'BSK-1', price: 0 },
          ],
        },
      });

      expect(await http('DELETE', api(`/products/${id}`))).toEqual(expect.objectContaining({ status: 200, body: {} }));
      expect(await http('GET', api(`/products/${id}`))).toMatchObject({ status: 404, body: { code: 5, message: 'product with that ID does not exist', details: [] } });
      expect(((await http('GET', api(`/${storeId}/products`))).body as { products: Json[] }).products.map((p) => p.id)).toEqual([other]);
      // The stream stays: removal is an event, not a delete.
      expect(await rows("SELECT stream_version, event_name FROM events WHERE stream_id = $1 AND stream_name = 'stores.Product' ORDER BY stream_version", [id])).toEqual([
        { stream_version: 1, event_name: 'stores.ProductAdded' },
        { stream_version: 2, event_name: 'stores.ProductPriceIncreased' },
        { stream_version: 3, event_name: 'stores.ProductPriceDecreased' },
        { stream_version: 4, event_name: 'stores.ProductRebranded' },
        { stream_version: 5, event_name: 'stores.ProductRemoved' },
      ]);
    });

    it('answers an existing store without products with an empty catalog', async () => {
      const storeId = await createStore();
      expect(await http('GET', api(`/${storeId}/products`))).toMatchObject({ status: 200, body: { products: [] } });
    });

    it('keeps a removed product removed: later commands are refused (400) and change nothing', async () => {
      const productId = await addProduct(await createStore());
      expect((await http('DELETE', api(`/products/${productId}`))).status).toBe(200);
      const before = await state();
      const removed = { code: 3, message: 'the product has been removed', details: [] };
      expect(await http('PUT', api(`/products/${productId}/increasePrice`), { price: 20 })).toMatchObject({ status: 400, body: removed });
      expect(await http('PUT', api(`/products/${productId}/decreasePrice`), { price: 1 })).toMatchObject({ status: 400, body: removed });
      expect(await http('PUT', api(`/products/${productId}/rebrand`), { name: 'Again' })).toMatchObject({ status: 400, body: removed });
      expect(await http('DELETE', api(`/products/${productId}`))).toMatchObject({ status: 400, body: { code: 3, message: 'the product has already been removed' } });
      expect(await state()).toEqual(before);
    });
  });

  describe('REST: bad input is a 4xx JSON error and changes nothing', () => {
    let storeId: string;
    let kioskId: string;
    let productId: string;

    beforeAll(async () => {
      storeId = await createStore('Bad Input Mart');
      kioskId = await participatingStore('Bad Input Kiosk');
      productId = await addProduct(storeId, { price: 9.99 });
    });

    type Case = [string, string, () => string, unknown, number, string | undefined];
    it.each<Case>([
      ['a blank store name', 'POST', () => api(), { name: '', location: 'Level 1' }, 3, 'the store name cannot be blank'],
      ['a whitespace store name', 'POST', () => api(), { name: ' \t', location: 'Level 1' }, 3, 'the store name cannot be blank'],
      ['a missing location', 'POST', () => api(), { name: 'Mall Mart' }, 3, 'the store location cannot be blank'],
      ['a store name of the wrong type', 'POST', () => api(), { name: 42, location: 'Level 1' }, 3, 'name must be a string'],
      ['a store name that is too long', 'POST', () => api(), { name: 'x'.repeat(201), location: 'Level 1' }, 3, 'name must be shorter than or equal to 200 characters'],
      ['a body that is not JSON', 'POST', () => api(), '{not json', 3, undefined],
      ['a rebrand to a blank name', 'PUT', () => api(`/${storeId}/rebrand`), { name: '' }, 3, 'the store name cannot be blank'],
      ['enabling a participating store', 'PUT', () => api(`/${kioskId}/participating`), {}, 3, 'the store is already participating'],
      ['disabling a store that does not participate', 'DELETE', () => api(`/${storeId}/participating`), undefined, 3, 'the store is already not participating'],
      ['a blank product name', 'POST', () => api(`/${storeId}/products`), { name: ' ', price: 1 }, 3, 'the product name cannot be blank'],
      ['a negative price', 'POST', () => api(`/${storeId}/products`), { name: 'Bag', price: -0.01 }, 3, 'the product price cannot be negative'],
      ['a price given as a string', 'POST', () => api(`/${storeId}/products`), { name: 'Bag', price: '9.99' }, 3, 'price must be a number conforming to the specified constraints'],
      ['a price with fractions of a cent', 'POST', () => api(`/${storeId}/products`), { name: 'Bag', price: 9.999 }, 3, 'the amount 9.999 has more than two decimal places'],
      ['a SKU that is too long', 'POST', () => api(`/${storeId}/products`), { name: 'Bag', sku: 'S'.repeat(101), price: 1 }, 3, 'sku must be shorter than or equal to 100 characters'],
      ['a product rebrand to a blank name', 'PUT', () => api(`/products/${productId}/rebrand`), { name: '', description: 'x' }, 3, 'the product name cannot be blank'],
      ['an increase to a lower price', 'PUT', () => api(`/products/${productId}/increasePrice`), { price: 9.98 }, 3, 'the price change would be a decrease'],
      ['an increase to the same price', 'PUT', () => api(`/products/${productId}/increasePrice`), { price: 9.99 }, 3, 'the price change would leave the price unchanged'],
      ['an increase without a price', 'PUT', () => api(`/products/${productId}/increasePrice`), {}, 3, 'the price change would be a decrease'],
      ['a decrease to a higher price', 'PUT', () => api(`/products/${productId}/decreasePrice`), { price: 10 }, 3, 'the price change would be an increase'],
      ['a decrease below zero', 'PUT', () => api(`/products/${productId}/decreasePrice`), { price: -1 }, 3, 'the product price cannot be negative'],
      ['a price of the wrong type', 'PUT', () => api(`/products/${productId}/decreasePrice`), { price: true }, 3, 'price must be a number conforming to the specified constraints'],
    ])('refuses %s', async (_case, method, url, body, code, message) => {
      const before = await state();
      const response = await http(method, url(), body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toMatchObject({ code, details: [] });
      if (message) expect((response.body as { message: string }).message).toBe(message);
      expect(await state()).toEqual(before);
    });
  });

  describe('REST: unknown ids are a 404 and never create anything', () => {
    const unknown = randomUUID();
    const noStore = { code: 5, message: 'store with that ID does not exist', details: [] };
    const noProduct = { code: 5, message: 'product with that ID does not exist', details: [] };

    it.each<[string, string, unknown, object]>([
      ['GET', `/${unknown}`, undefined, noStore],
      ['PUT', `/${unknown}/participating`, {}, noStore],
      ['DELETE', `/${unknown}/participating`, undefined, noStore],
      ['PUT', `/${unknown}/rebrand`, { name: 'Ghost Mart' }, noStore],
      ['POST', `/${unknown}/products`, { name: 'Ghost', price: 1 }, noStore],
      ['GET', `/${unknown}/products`, undefined, noStore],
      ['GET', `/products/${unknown}`, undefined, noProduct],
      ['PUT', `/products/${unknown}/rebrand`, { name: 'Ghost' }, noProduct],
      ['PUT', `/products/${unknown}/increasePrice`, { price: 1 }, noProduct],
      ['PUT', `/products/${unknown}/decreasePrice`, { price: 1 }, noProduct],
      ['DELETE', `/products/${unknown}`, undefined, noProduct],
    ])('%s /api/stores%s', async (method, path, body, error) => {
      const before = await state();
      expect(await http(method, api(path), body)).toMatchObject({ status: 404, body: error });
      expect(await state()).toEqual(before);
      expect(await rows('SELECT stream_name FROM events WHERE stream_id = $1', [unknown])).toEqual([]);
    });
  });

  describe('read models and event streams', () => {
    it('stores every change as an event, snapshots every 3 events and loads from the snapshot plus newer events', async () => {
      const id = await createStore('Snap Mart', 'Level 2');
      await http('PUT', api(`/${id}/participating`), {});
      expect(await rows('SELECT * FROM snapshots WHERE stream_id = $1', [id])).toEqual([]);
      await http('PUT', api(`/${id}/rebrand`), { name: 'Snapshot Mart' });
      expect(await rows('SELECT stream_name, stream_version, snapshot_name, snapshot_version, snapshot_data FROM snapshots WHERE stream_id = $1', [id])).toEqual([
        { stream_name: 'stores.Store', stream_version: 3, snapshot_name: 'stores.StoreV1', snapshot_version: 1, snapshot_data: { name: 'Snapshot Mart', location: 'Level 2', participating: true } },
      ]);
      // Version 4 goes on top of the snapshot: the loaded store knew it was participating.
      expect((await http('DELETE', api(`/${id}/participating`))).status).toBe(200);
      expect(await http('DELETE', api(`/${id}/participating`))).toMatchObject({ status: 400, body: { message: 'the store is already not participating' } });
      expect(await rows('SELECT stream_version, event_name, event_version, event_data FROM events WHERE stream_id = $1 ORDER BY stream_version', [id])).toEqual([
        { stream_version: 1, event_name: 'stores.StoreCreated', event_version: 1, event_data: { name: 'Snap Mart', location: 'Level 2' } },
        { stream_version: 2, event_name: 'stores.StoreParticipationEnabled', event_version: 1, event_data: { participating: true } },
        { stream_version: 3, event_name: 'stores.StoreRebranded', event_version: 1, event_data: { name: 'Snapshot Mart' } },
        { stream_version: 4, event_name: 'stores.StoreParticipationDisabled', event_version: 1, event_data: { participating: false } },
      ]);
      expect(await rows('SELECT name, location, participating FROM stores WHERE id = $1', [id])).toEqual([{ name: 'Snapshot Mart', location: 'Level 2', participating: false }]);
    });

    it('snapshots products with their exact price in cents, and keeps the catalog in step with the stream', async () => {
      const storeId = await createStore();
      const id = await addProduct(storeId, { price: 0.1 });
      await http('PUT', api(`/products/${id}/increasePrice`), { price: 0.1 + 0.2 });
      await http('PUT', api(`/products/${id}/decreasePrice`), { price: 0.07 });
      expect(await rows('SELECT stream_version, snapshot_name, snapshot_data FROM snapshots WHERE stream_id = $1', [id])).toEqual([
        { stream_version: 3, snapshot_name: 'stores.ProductV1', snapshot_data: { storeId, name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 7, removed: false } },
      ]);
      expect(await rows("SELECT event_data FROM events WHERE stream_id = $1 AND event_name <> 'stores.ProductAdded' ORDER BY stream_version", [id])).toEqual([
        { event_data: { delta: 20 } },
        { event_data: { delta: -23 } },
      ]);
      await http('PUT', api(`/products/${id}/increasePrice`), { price: 19.99 });
      expect(await rows('SELECT store_id, price_cents::int AS cents FROM products WHERE id = $1', [id])).toEqual([{ store_id: storeId, cents: 1999 }]);
      expect((await getProduct(id)).price).toBe(19.99);
    });

    it('serialises concurrent changes of one store: the losers get 409, and the read model matches the stream', async () => {
      const id = await createStore('Race Mart');
      const names = Array.from({ length: 6 }, (_, i) => `Race Mart ${i}`);
      const responses = await Promise.all(names.map((name) => http('PUT', api(`/${id}/rebrand`), { name })));
      const statuses = responses.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      for (const r of responses.filter((r) => r.status === 409)) expect(r.body).toMatchObject({ code: 10 });
      const events = await rows("SELECT stream_version, event_data->>'name' AS name FROM events WHERE stream_id = $1 ORDER BY stream_version", [id]);
      expect(events.map((e) => e.stream_version)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      expect(events.length - 1).toBe(statuses.filter((s) => s === 200).length);
      expect((await getStore(id)).name).toBe(events.at(-1)!.name);
    });
  });

  describe('integration events (outbox → mallbots stream)', () => {
    it('publishes the store’s events on mallbots.stores.events.Store with the reference’s names and payloads', async () => {
      const id = await createStore('Event Mart', 'Level 3');
      await http('PUT', api(`/${id}/participating`), {});
      await http('PUT', api(`/${id}/rebrand`), { name: 'Evented Mart' });
      await http('DELETE', api(`/${id}/participating`));
      const published = await publishedAbout(StoresChannel.Store, id, 4);
      expect(published.map(({ name, payload }) => ({ name, payload }))).toEqual([
        { name: StoresMessage.StoreCreated, payload: { id, name: 'Event Mart', location: 'Level 3' } },
        { name: 'storesapi.StoreParticipatingToggled', payload: { id, participating: true } },
        { name: 'storesapi.StoreRebranded', payload: { id, name: 'Evented Mart' } },
        { name: 'storesapi.StoreParticipatingToggled', payload: { id, participating: false } },
      ]);
      // One message per stored event, with the event's id (the consumers' inboxes de-duplicate on it).
      const eventIds = (await rows('SELECT event_id FROM events WHERE stream_id = $1 ORDER BY stream_version', [id])).map((r) => r.event_id);
      expect(published.map((m) => m.messageId)).toEqual(eventIds);
    });

    it('publishes the product’s events on mallbots.stores.events.Product, price changes as signed decimal deltas', async () => {
      const storeId = await createStore();
      const id = await addProduct(storeId, { name: 'Lamp', description: 'Bright', sku: 'LMP-9', price: 9.99 });
      await http('PUT', api(`/products/${id}/rebrand`), { name: 'Desk Lamp', description: 'Brighter' });
      await http('PUT', api(`/products/${id}/increasePrice`), { price: 12.5 });
      await http('PUT', api(`/products/${id}/decreasePrice`), { price: 10.25 });
      await http('DELETE', api(`/products/${id}`));
      const published = await publishedAbout(StoresChannel.Product, id, 5);
      expect(published.map(({ name, payload }) => ({ name, payload }))).toEqual([
        { name: 'storesapi.ProductAdded', payload: { id, storeId, name: 'Lamp', description: 'Bright', sku: 'LMP-9', price: 9.99 } },
        { name: 'storesapi.ProductRebranded', payload: { id, name: 'Desk Lamp', description: 'Brighter' } },
        { name: 'storesapi.ProductPriceIncreased', payload: { id, delta: 2.51 } },
        { name: 'storesapi.ProductPriceDecreased', payload: { id, delta: -2.25 } },
        { name: 'storesapi.ProductRemoved', payload: { id } },
      ]);
      expect(await rows('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND id = ANY($1)', [published.map((m) => m.messageId)])).toEqual([{ n: 0 }]);
    });
  });

  describe('gRPC storespb.StoresService', () => {
    it('serves all 14 RPCs', async () => {
      const { id } = (await call('createStore', { name: 'Grpc Mart', location: 'Level 4' })) as { id: string };
      expect(await call('getStore', { id })).toEqual({ store: { id, name: 'Grpc Mart', location: 'Level 4', participating: false } });
      expect(await call('enableParticipation', { id })).toEqual({});
      expect(((await call('getParticipatingStores')).stores as Json[]).map((s) => s.id)).toContain(id);
      expect(await call('rebrandStore', { id, name: 'gRPC Mart' })).toEqual({});
      expect((await call('getStores')).stores).toContainEqual({ id, name: 'gRPC Mart', location: 'Level 4', participating: true });
      expect(await call('disableParticipation', { id })).toEqual({});
      expect(((await call('getParticipatingStores')).stores as Json[]).map((s) => s.id)).not.toContain(id);

      const { id: productId } = (await call('addProduct', { storeId: id, name: 'Mug', description: 'Ceramic', sku: 'MUG-1', price: 4.5 })) as { id: string };
      expect(await call('getProduct', { id: productId })).toEqual({ product: { id: productId, storeId: id, name: 'Mug', description: 'Ceramic', sku: 'MUG-1', price: 4.5 } });
      expect(await call('rebrandProduct', { id: productId, name: 'Big Mug', description: 'Stoneware' })).toEqual({});
      expect(await call('increaseProductPrice', { id: productId, price: 5.75 })).toEqual({});
      expect(await call('decreaseProductPrice', { id: productId, price: 5.25 })).toEqual({});
      expect(await call('getCatalog', { storeId: id })).toEqual({ products: [{ id: productId, storeId: id, name: 'Big Mug', description: 'Stoneware', sku: 'MUG-1', price: 5.25 }] });
      expect(await call('removeProduct', { id: productId })).toEqual({});
      expect(await call('getCatalog', { storeId: id })).toEqual({ products: [] });
    });

    it('answers errors with the matching gRPC status and the domain’s text, changing nothing', async () => {
      const id = await participatingStore('Grpc Errors Mart');
      const productId = await addProduct(id, { price: 2 });
      const before = await state();
      await expect(call('getStore', { id: randomUUID() })).rejects.toMatchObject({ code: 5, details: 'store with that ID does not exist' });
      await expect(call('getProduct', { id: 'nope' })).rejects.toMatchObject({ code: 5, details: 'product with that ID does not exist' });
      await expect(call('getCatalog', { storeId: 'nope' })).rejects.toMatchObject({ code: 5 });
      await expect(call('rebrandStore', { id: 'nope', name: 'x' })).rejects.toMatchObject({ code: 5 });
      await expect(call('addProduct', { storeId: 'nope', name: 'Ghost', price: 1 })).rejects.toMatchObject({ code: 5, details: 'store with that ID does not exist' });
      await expect(call('createStore', { name: '', location: 'x' })).rejects.toMatchObject({ code: 3, details: 'the store name cannot be blank' });
      await expect(call('enableParticipation', { id })).rejects.toMatchObject({ code: 3, details: 'the store is already participating' });
      await expect(call('increaseProductPrice', { id: productId, price: 1 })).rejects.toMatchObject({ code: 3, details: 'the price change would be a decrease' });
      await expect(call('decreaseProductPrice', { id: productId, price: 1.005 })).rejects.toMatchObject({ code: 3, details: 'the amount 1.005 has more than two decimal places' });
      await expect(call('addProduct', { storeId: id, name: 'Bag', price: -1 })).rejects.toMatchObject({ code: 3, details: 'the product price cannot be negative' });
      expect(await state()).toEqual(before);
    });
  });

  describe('operations', () => {
    it('serves liveness, readiness, metrics and the OpenAPI document of the reference’s operations', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200, body: '.' });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok', checks: { postgres: 'ok', nats: 'ok' } } });
      await createStore();
      const metrics = (await http('GET', `${svc.httpUrl}/metrics`)).body as string;
      expect(metrics).toMatch(/stores_sent_messages_count\{message="storesapi.StoreCreated"\} [1-9]/);
      expect(metrics).toContain('outbox_backlog');

      const spec = (await http('GET', `${svc.httpUrl}/stores-spec/api.swagger.json`)).body as { info: { title: string }; paths: Record<string, Record<string, { operationId: string }>> };
      expect(spec.info.title).toBe('Store Management');
      const operations = Object.entries(spec.paths)
        .filter(([path]) => path.startsWith('/api/stores'))
        .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`))
        .sort();
      expect(operations).toEqual(
        [
          'POST /api/stores createStore',
          'GET /api/stores getStores',
          'GET /api/stores/participating getParticipatingStores',
          'GET /api/stores/{id} getStore',
          'PUT /api/stores/{id}/participating enableParticipation',
          'DELETE /api/stores/{id}/participating disableParticipation',
          'PUT /api/stores/{id}/rebrand rebrandStore',
          'POST /api/stores/{storeId}/products addProduct',
          'GET /api/stores/{storeId}/products getStoreProducts',
          'GET /api/stores/products/{id} getProduct',
          'PUT /api/stores/products/{id}/rebrand rebrandProduct',
          'PUT /api/stores/products/{id}/increasePrice increaseProductPrice',
          'PUT /api/stores/products/{id}/decreasePrice decreaseProductPrice',
          'DELETE /api/stores/products/{id} removeProduct',
        ].sort(),
      );
    });

    it('serves the AsyncAPI document of its events at /stores-asyncapi/', async () => {
      const response = await http('GET', `${svc.httpUrl}/stores-asyncapi/`);
      expect(response).toMatchObject({ status: 200, contentType: expect.stringContaining('application/json') });
      const document = response.body as { asyncapi: string; channels: Record<string, { subscribe: { message: { oneOf: { $ref: string }[] } } }> };
      expect(document.asyncapi).toBe('2.6.0');
      const names = (channel: string) => document.channels[channel]!.subscribe.message.oneOf.map((m) => m.$ref.split('/').pop());
      expect(names(StoresChannel.Store)).toEqual(['storesapi.StoreCreated', 'storesapi.StoreParticipatingToggled', 'storesapi.StoreRebranded']);
      expect(names(StoresChannel.Product)).toEqual([
        'storesapi.ProductAdded',
        'storesapi.ProductRebranded',
        'storesapi.ProductPriceIncreased',
        'storesapi.ProductPriceDecreased',
        'storesapi.ProductRemoved',
      ]);
      expect((await http('GET', `${svc.httpUrl}/stores-asyncapi/asyncapi.json`)).body).toEqual(document);
    });
  });
});
