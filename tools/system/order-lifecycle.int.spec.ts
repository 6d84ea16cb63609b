// The whole system, started the way `npm start` starts it (nine services from their built output, each on its own
// database with its outbox relay, one JetStream, the Nginx gateway from docker/nginx), driven through the gateway
// only: the reference's create_order.http unchanged, then the lifecycle it never reached, a cancelled order, and a
// saga failure at each of its steps. cosec and notifications are not behind the gateway; their operator endpoints
// are read directly, as an operator inside the cluster would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { eventually, serverUrl, startDisposableNats, type DisposableNats } from '@mallbots/testing';
import { workspaceRoot } from '../infra/infra.ts';
import { freePort } from '../infra/ports.ts';
import { DEMO_STORES, loadDemoData } from '../demo/demo-data.ts';
import { startMallbots, type Mallbots } from './mallbots.ts';
import { JsonClient } from './json-client.ts';

/** Polls a GET until `accept` holds for its 200 body (the services follow each other asynchronously). */
async function until<T>(client: JsonClient, path: string, accept: (body: T) => boolean, timeoutMs = 20_000): Promise<T> {
  let last = '';
  try {
    return (await eventually<T | undefined>(
      async () => {
        const reply = await client.send('GET', path);
        last = `${reply.status} ${JSON.stringify(reply.body)}`;
        return reply.status === 200 && accept(reply.body as T) ? (reply.body as T) : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    )) as T;
  } catch {
    throw new Error(`GET ${path} did not reach the expected state within ${timeoutMs} ms; last answer: ${last}`);
  }
}

interface Order {
  id: string;
  customerId: string;
  paymentId: string;
  status: string;
  items: Array<Record<string, unknown>>;
  shoppingId?: string;
  invoiceId?: string;
}
interface ShoppingList {
  id: string;
  orderId: string;
  status: string;
  assignedBotId: string;
  stops: Record<string, { storeName: string; storeLocation: string; items: Record<string, { name: string; quantity: number }> }>;
}
interface Saga {
  status: string;
  data: { shoppingId?: string };
  awaiting: string | null;
  history: Array<{ step: number; compensating: boolean; status: string; command: string | null; error: string | null }>;
}
interface Notification {
  kind: string;
  status: string;
  smsNumber: string;
  text: string;
}

describe('MallBots through the gateway', () => {
  let nats: DisposableNats;
  let mallbots: Mallbots;
  let api: JsonClient; // the gateway
  let cosec: JsonClient; // operator endpoints, not exposed by the gateway
  let notifications: JsonClient;
  const databasePrefix = `life_${Date.now().toString(36)}`;

  beforeAll(async () => {
    nats = await startDisposableNats();
    mallbots = await startMallbots({
      postgresUrl: serverUrl(),
      natsUrl: nats.url,
      databasePrefix,
      dataDir: mkdtempSync(join(tmpdir(), 'mallbots-system-')),
      gateway: { host: '127.0.0.1', port: await freePort() },
      // Long enough that a participant stopped on purpose below is waited for, not timed out (timeouts are the
      // cosec component test's subject).
      env: { SAGA_STEP_TIMEOUT: '2m' },
    });
    api = new JsonClient(mallbots.gateway.url);
    cosec = new JsonClient(mallbots.system.services.cosec!.httpUrl);
    notifications = new JsonClient(mallbots.system.services.notifications!.httpUrl);
  }, 180_000);

  afterAll(async () => {
    await mallbots?.stop();
    await nats?.close();
  });

  // ── helpers: what a store owner, a customer at a kiosk and the depot do ────────────────────────────────────────

  async function storeWithProduct(price = 9.99): Promise<{ storeId: string; productId: string }> {
    const { id: storeId } = await api.ok<{ id: string }>('POST', '/api/stores', { name: 'Store ABC', location: 'The mall' });
    const { id: productId } = await api.ok<{ id: string }>('POST', `/api/stores/${storeId}/products`, { name: 'Product ABC', description: 'Product description', sku: 'productABC', price });
    return { storeId, productId };
  }

  async function customer(name = 'Customer ABC'): Promise<string> {
    return (await api.ok<{ id: string }>('POST', '/api/customers', { name, smsNumber: '555-555-1212' })).id;
  }

  /** Basket, one item, a pre-authorized card, checkout. Returns the order id (= the basket id). */
  async function checkout(customerId: string, productId: string, options: { quantity?: number; authorize?: number } = {}): Promise<string> {
    const { id: basketId } = await api.ok<{ id: string }>('POST', '/api/baskets', { customerId });
    await api.ok('PUT', `/api/baskets/${basketId}/addItem`, { productId, quantity: options.quantity ?? 5 });
    const { id: paymentId } = await api.ok<{ id: string }>('POST', '/api/payments', { customerId, amount: options.authorize ?? 200.0 });
    await api.ok('PUT', `/api/baskets/${basketId}/checkout`, { paymentId });
    return basketId;
  }

  const order = (id: string, status: string) => until<{ order: Order }>(api, `/api/ordering/${id}`, (b) => b.order.status === status).then((b) => b.order);
  const sagaIn = (orderId: string, status: string) => until<{ saga: Saga }>(cosec, `/api/cosec/sagas/${orderId}`, (b) => b.saga.status === status).then((b) => b.saga);
  const listIn = (id: string, status: string) => until<{ shoppingList: ShoppingList }>(api, `/api/depot/shopping/${id}`, (b) => b.shoppingList.status === status).then((b) => b.shoppingList);
  const searched = (orderId: string, status: string) => until<{ order: Record<string, unknown> }>(api, `/api/search/orders/${orderId}`, (b) => b.order.status === status).then((b) => b.order);
  const smsSent = (orderId: string, kinds: string[]) =>
    until<{ notifications: Notification[] }>(notifications, `/api/notifications?orderId=${orderId}`, (b) => kinds.every((k) => b.notifications.some((n) => n.kind === k && n.status !== 'pending')))
      .then((b) => b.notifications);

  /** The commands the saga sent, in order, compensations marked: the last action before the first undo failed. */
  const trail = (saga: Saga) => saga.history.filter((h) => h.command).map((h) => `${h.compensating ? 'undo ' : ''}${h.command}`);

  // ── the happy path ─────────────────────────────────────────────────────────────────────────────────────────────

  it('takes the reference create_order.http flow, sent unchanged, to an approved order and on to completed', async () => {
    const { storeId, productId } = await storeWithProduct();
    const customerId = await customer();
    const orderId = await checkout(customerId, productId);

    // checkout → BasketCheckedOut → ordering (pending) → OrderCreated → the saga → approved, with its shopping list
    const approved = await order(orderId, 'approved');
    expect(approved).toMatchObject({
      id: orderId,
      customerId,
      items: [expect.objectContaining({ storeId, productId, storeName: 'Store ABC', productName: 'Product ABC', price: 9.99, quantity: 5 })],
    });
    expect(approved.shoppingId).toEqual(expect.any(String));
    const shoppingId = approved.shoppingId!;

    // The list is available to bots, with the store's name and location for the route.
    const list = await listIn(shoppingId, 'available');
    expect(list).toMatchObject({ orderId, assignedBotId: '', stops: { [storeId]: { storeName: 'Store ABC', storeLocation: 'The mall', items: { [productId]: { name: 'Product ABC', quantity: 5 } } } } });
    const available = await api.ok<{ shoppingLists: ShoppingList[] }>('GET', '/api/depot/shopping?status=available');
    expect(available.shoppingLists.map((l) => l.id)).toContain(shoppingId);

    // A bot takes it, shops, returns; depot staff complete it → ShoppingListCompleted → the order is ready.
    await api.ok('PUT', `/api/depot/shopping/${shoppingId}/assign`, { botId: 'bot-7' });
    expect(await listIn(shoppingId, 'assigned')).toMatchObject({ assignedBotId: 'bot-7' });
    const available2 = await api.ok<{ shoppingLists: ShoppingList[] }>('GET', '/api/depot/shopping?status=available');
    expect(available2.shoppingLists.map((l) => l.id)).not.toContain(shoppingId);
    await api.ok('PUT', `/api/depot/shopping/${shoppingId}/complete`, {});
    const ready = await order(orderId, 'ready');
    expect(ready.invoiceId).toBe(orderId);

    // OrderReadied → payments invoices the order total; the customer pays → InvoicePaid → completed.
    const { invoice } = await until<{ invoice: { id: string; orderId: string; amount: number; status: string } }>(api, `/api/payments/invoices/${ready.invoiceId}`, () => true);
    expect(invoice).toMatchObject({ orderId, amount: 49.95, status: 'pending' });
    await api.ok('PUT', `/api/payments/invoices/${invoice.id}/pay`, {});
    expect(await order(orderId, 'completed')).toMatchObject({ shoppingId, invoiceId: invoice.id });
    expect((await api.ok<{ invoice: { status: string } }>('GET', `/api/payments/invoices/${invoice.id}`)).invoice.status).toBe('paid');

    // The saga completed every step; search followed the order; the customer got the created and ready texts.
    expect(trail(await sagaIn(orderId, 'completed'))).toEqual(['customersapi.AuthorizeCustomer', 'depotapi.CreateShoppingListCommand', 'paymentsapi.ConfirmPayment', 'depotapi.InitiateShoppingCommand', 'ordersapi.ApproveOrder']);
    expect(await searched(orderId, 'completed')).toMatchObject({ customerId, customerName: 'Customer ABC', total: 49.95, items: [expect.objectContaining({ storeName: 'Store ABC', productName: 'Product ABC' })] });
    const found = await api.ok<{ orders: Array<{ orderId: string }> }>('POST', '/api/search/orders', { filters: { customerId, status: 'completed' } });
    expect(found.orders.map((o) => o.orderId)).toEqual([orderId]);
    const texts = await smsSent(orderId, ['order_created', 'order_ready']);
    expect(texts.filter((n) => n.status === 'sent').map((n) => n.kind).sort()).toEqual(['order_created', 'order_ready']);
    expect(texts.every((n) => n.smsNumber === '555-555-1212')).toBe(true);
  }, 90_000);

  it('runs the README walk-through as written', () => {
    const readme = readFileSync(join(workspaceRoot, 'README.md'), 'utf8');
    const script = /<!-- walkthrough:start -->\s*```sh\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme)?.[1];
    expect(script).toContain('wait_for /api/ordering/$BASKET completed');
    // -e: a call answered 4xx/5xx (curl --fail-with-body) or a status never reached stops the script with an error.
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script!], { env: { ...process.env, GW: mallbots.gateway.url }, encoding: 'utf8', timeout: 60_000 });
    expect({ exit: run.status, stderr: run.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(run.stdout).toMatch(/"orders":\[\{"orderId":"[^"]+".*"status":"completed"/);
  }, 90_000);

  // ── cancellation ───────────────────────────────────────────────────────────────────────────────────────────────

  it('cancels a pending order: texts the customer, search follows, and the late saga undoes its shopping list', async () => {
    const { productId } = await storeWithProduct();
    const customerId = await customer('Customer Cancel');
    // With the coordinator down, the order stays pending: OrderCreated waits in JetStream for it.
    await mallbots.system.stopService('cosec');
    let orderId: string;
    try {
      orderId = await checkout(customerId, productId);
      await order(orderId, 'pending');
      expect(await api.send('DELETE', `/api/ordering/${orderId}`)).toMatchObject({ status: 200 });
      await order(orderId, 'cancelled');
      // Cancelling twice is refused with the reference's message, and changes nothing.
      expect(await api.send('DELETE', `/api/ordering/${orderId}`)).toMatchObject({ status: 400, body: { message: 'the order cannot be cancelled' } });
    } finally {
      await mallbots.system.startService('cosec');
    }

    // The saga now runs: every participant says yes until ApproveOrder, which the cancelled order refuses; the
    // compensation cancels the shopping list, and RejectOrder finds nothing left to undo.
    const saga = await sagaIn(orderId, 'compensated');
    expect(trail(saga)).toEqual([
      'customersapi.AuthorizeCustomer',
      'depotapi.CreateShoppingListCommand',
      'paymentsapi.ConfirmPayment',
      'depotapi.InitiateShoppingCommand',
      'ordersapi.ApproveOrder',
      'undo depotapi.CancelShoppingListCommand',
      'undo ordersapi.RejectOrder',
    ]);
    await listIn(saga.data.shoppingId!, 'canceled');
    expect((await order(orderId, 'cancelled')).shoppingId).toBeFalsy();
    await searched(orderId, 'cancelled');
    const texts = await smsSent(orderId, ['order_created', 'order_canceled']);
    expect(texts.map((n) => n.kind)).not.toContain('order_rejected');
    // After approval there is nothing to cancel (ADR 14): the happy path's order is checked in the next test.
  }, 90_000);

  it('refuses to cancel an order once it is approved, and leaves its shopping list alone', async () => {
    const { productId } = await storeWithProduct();
    const orderId = await checkout(await customer(), productId);
    const { shoppingId } = await order(orderId, 'approved');
    expect(await api.send('DELETE', `/api/ordering/${orderId}`)).toMatchObject({ status: 400, body: { code: 3, message: 'the order cannot be cancelled' } });
    expect((await api.ok<{ order: Order }>('GET', `/api/ordering/${orderId}`)).order.status).toBe('approved');
    expect((await api.ok<{ shoppingList: ShoppingList }>('GET', `/api/depot/shopping/${shoppingId}`)).shoppingList.status).toBe('available');
  }, 60_000);

  // ── the saga failing at each step ──────────────────────────────────────────────────────────────────────────────

  /** The order is rejected everywhere the customer could look, and the customer is told (or not, if disabled). */
  async function expectRejected(orderId: string, sms: 'sent' | 'suppressed'): Promise<Saga> {
    const saga = await sagaIn(orderId, 'compensated');
    const rejected = await order(orderId, 'rejected');
    expect(rejected.shoppingId).toBeFalsy();
    expect(rejected.invoiceId).toBeFalsy();
    await searched(orderId, 'rejected');
    const texts = await smsSent(orderId, ['order_rejected']);
    expect(texts.find((n) => n.kind === 'order_rejected')!.status).toBe(sms);
    expect(await api.send('GET', `/api/payments/invoices/${orderId}`)).toMatchObject({ status: 404 });
    return saga;
  }

  it('step 1, AuthorizeCustomer: a disabled customer’s order is rejected, with nothing to undo', async () => {
    const { productId } = await storeWithProduct();
    const customerId = await customer('Customer Disabled');
    await api.ok('PUT', `/api/customers/${customerId}/disable`, {});
    // Notifications hears of the disabling on another consumer than of the order: let it arrive first, or the
    // "order rejected" text would (correctly) go out to a customer it still believes enabled.
    await until<{ enabled: boolean }>(notifications, `/api/notifications/recipients/${customerId}`, (r) => r.enabled === false);
    const orderId = await checkout(customerId, productId);

    const saga = await expectRejected(orderId, 'suppressed');
    expect(trail(saga)).toEqual(['customersapi.AuthorizeCustomer', 'undo ordersapi.RejectOrder']);
    expect(saga.data.shoppingId).toBeUndefined();
  }, 60_000);

  it('step 2, CreateShoppingList: a product removed from its store since it was put in the basket', async () => {
    const { productId } = await storeWithProduct();
    const customerId = await customer();
    const { id: basketId } = await api.ok<{ id: string }>('POST', '/api/baskets', { customerId });
    await api.ok('PUT', `/api/baskets/${basketId}/addItem`, { productId, quantity: 1 });
    await api.ok('DELETE', `/api/stores/products/${productId}`);
    // The depot must have heard of the removal before the saga asks it for a list (events are asynchronous).
    await depotHasRemoved(productId);
    const { id: paymentId } = await api.ok<{ id: string }>('POST', '/api/payments', { customerId, amount: 20 });
    await api.ok('PUT', `/api/baskets/${basketId}/checkout`, { paymentId });

    const saga = await expectRejected(basketId, 'sent');
    expect(trail(saga)).toEqual(['customersapi.AuthorizeCustomer', 'depotapi.CreateShoppingListCommand', 'undo ordersapi.RejectOrder']);
    expect(saga.data.shoppingId).toBeUndefined();
  }, 60_000);

  it('step 3, ConfirmPayment: a card authorized for less than the order; the shopping list is cancelled', async () => {
    const { productId } = await storeWithProduct();
    const orderId = await checkout(await customer(), productId, { quantity: 5, authorize: 10 });

    const saga = await expectRejected(orderId, 'sent');
    expect(trail(saga)).toEqual([
      'customersapi.AuthorizeCustomer',
      'depotapi.CreateShoppingListCommand',
      'paymentsapi.ConfirmPayment',
      'undo depotapi.CancelShoppingListCommand',
      'undo ordersapi.RejectOrder',
    ]);
    await listIn(saga.data.shoppingId!, 'canceled');
  }, 60_000);

  it('step 4, InitiateShopping: the list was cancelled at the depot meanwhile; the order is rejected', async () => {
    const { productId } = await storeWithProduct();
    const customerId = await customer();
    const { id: orderId } = await api.ok<{ id: string }>('POST', '/api/baskets', { customerId });
    await api.ok('PUT', `/api/baskets/${orderId}/addItem`, { productId, quantity: 1 });
    const { id: paymentId } = await api.ok<{ id: string }>('POST', '/api/payments', { customerId, amount: 20 });
    // Hold the saga at ConfirmPayment (its command waits in JetStream) while depot staff cancel the new list.
    await mallbots.system.stopService('payments');
    try {
      await api.ok('PUT', `/api/baskets/${orderId}/checkout`, { paymentId });
      const waiting = await until<{ saga: Saga }>(cosec, `/api/cosec/sagas/${orderId}`, (b) => b.saga.awaiting === 'paymentsapi.ConfirmPayment');
      await api.ok('POST', `/api/depot/shopping/${waiting.saga.data.shoppingId}`);
    } finally {
      await mallbots.system.startService('payments');
    }

    const saga = await expectRejected(orderId, 'sent');
    expect(trail(saga)).toEqual([
      'customersapi.AuthorizeCustomer',
      'depotapi.CreateShoppingListCommand',
      'paymentsapi.ConfirmPayment',
      'depotapi.InitiateShoppingCommand',
      'undo depotapi.CancelShoppingListCommand',
      'undo ordersapi.RejectOrder',
    ]);
    await listIn(saga.data.shoppingId!, 'canceled');
  }, 90_000);
  // Step 5 (ApproveOrder refused) is the cancellation test above.

  // ── the gateway itself ─────────────────────────────────────────────────────────────────────────────────────────

  it('is the only door: routes the seven APIs and their specs, hides cosec and notifications, forwards request ids', async () => {
    for (const ctx of ['baskets', 'customers', 'depot', 'ordering', 'payments', 'search', 'stores']) {
      const spec = await api.send('GET', `/${ctx}-spec/api.swagger.json`);
      expect([ctx, spec.status, typeof spec.body.paths]).toEqual([ctx, 200, 'object']);
    }
    expect((await api.send('GET', '/stores-asyncapi/asyncapi.json')).status).toBe(200);
    for (const hidden of ['/api/cosec/sagas?status=completed', '/api/notifications?orderId=x', '/cosec-spec/', '/notifications-spec/']) {
      expect(await api.send('GET', hidden)).toMatchObject({ status: 404, body: { code: 5 } });
    }
    const index = await fetch(`${mallbots.gateway.url}/`);
    expect([index.status, index.headers.get('server')]).toEqual([200, 'nginx']); // server_tokens off: no version
    expect(await index.text()).toContain('/ordering-spec/');

    // A caller's request id is kept and reaches the service (which echoes the id it was given); a malformed one is
    // replaced by one the gateway mints; the gateway's own answers carry it too.
    const traced = await api.send('GET', '/api/stores', undefined, { 'X-Request-Id': 'kiosk-42.req-1' });
    expect(traced.headers.get('x-request-id')).toBe('kiosk-42.req-1');
    const minted = await api.send('GET', '/api/stores', undefined, { 'X-Request-Id': 'no spaces or ; allowed' });
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect((await api.send('GET', '/nowhere', undefined, { 'X-Request-Id': 'kiosk-42.req-2' })).headers.get('x-request-id')).toBe('kiosk-42.req-2');

    // Bodies beyond the limit never reach a service.
    const big = await api.send('POST', '/api/customers', { name: 'x'.repeat(300 * 1024), smsNumber: '555' });
    expect(big).toMatchObject({ status: 413, body: { code: 3 } });
  }, 30_000);

  it('loads the demo data through the gateway once; a second load adds nothing', async () => {
    expect(await loadDemoData(mallbots.gateway.url)).toBe(true);
    expect(await loadDemoData(mallbots.gateway.url)).toBe(false);
    const { stores } = await api.ok<{ stores: Array<{ name: string }> }>('GET', '/api/stores/participating');
    const demo = DEMO_STORES.filter((s) => s.participating).map((s) => s.name);
    expect(stores.map((s) => s.name).filter((n) => demo.includes(n)).sort()).toEqual([...demo].sort());
    const all = await api.ok<{ stores: Array<{ name: string }> }>('GET', '/api/stores');
    expect(all.stores.filter((s) => s.name === DEMO_STORES[0]!.name)).toHaveLength(1);
  }, 30_000);

  async function depotHasRemoved(productId: string): Promise<void> {
    const url = new URL(serverUrl());
    url.pathname = `/${databasePrefix}_depot`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await eventually(async () => (await client.query('SELECT 1 FROM products_cache WHERE id = $1 AND removed', [productId])).rowCount === 1, { timeoutMs: 20_000 });
    } finally {
      await client.end();
    }
  }

  // ── load: busywork (tools/busywork) as `npm run busywork` runs it ──────────────────────────────────────────────

  it('keeps up with busywork in stress mode: no errors, and every checked-out order approved', () => {
    // Last, so the stores the tests above left behind are in the mall too: one whose only product was removed (an
    // empty store, which busywork must skip), the walk-through's participating store and the demo stores. Every
    // call busywork makes is valid (fresh enabled customers, existing products, exact totals), so any error answer
    // is a defect, and so is an order that is not approved by the end of the drain.
    const json = join(mkdtempSync(join(tmpdir(), 'busywork-')), 'summary.json');
    const args = ['tools/cli/main.ts', 'busywork', '--target', mallbots.gateway.url, '--stress', '--clients', '4', '--duration', '8s', '--seed', '2024', '--drain', '60s', '--json', json];
    const run = spawnSync(join(workspaceRoot, 'node_modules/.bin/node'), args, { cwd: workspaceRoot, encoding: 'utf8', timeout: 100_000 });
    expect({ exit: run.status, errors: run.stderr.split('\n').filter((l) => l.includes('new error') || l.includes('Error')) }).toEqual({ exit: 0, errors: [] });
    expect(run.stdout).toContain('Errors by route and status\n  none\n');

    const summary = JSON.parse(readFileSync(json, 'utf8'));
    expect(summary).toMatchObject({ mode: 'stress', clients: 4, seed: 2024, endedBy: 'duration', errorCount: 0, errors: [], abortedAtStop: 0 });
    expect(summary.requests).toBeGreaterThan(100);
    expect(summary.flows.buyingItems.done).toBeGreaterThan(0);
    expect(summary.orders.checkedOut).toBe(summary.flows.buyingItems.done);
    expect(summary.orders).toMatchObject({ final: { approved: summary.orders.checkedOut, rejected: 0, cancelled: 0, completed: 0 }, pending: {}, untracked: 0 });
  }, 120_000);
});
