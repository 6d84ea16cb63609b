// The reference's create_order.http walk-through (Chapter 12), sent unchanged to the services that exist so far,
// each running as its own process from its built output, on its own database, all on one JetStream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, serverUrl, startDisposableNats, type DisposableNats } from '@mallbots/testing';
import { startSystem, type RunningSystem } from './services.ts';

const SERVICES = ['stores', 'customers', 'baskets', 'payments', 'ordering'];

async function send(method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('create_order.http against the five services', () => {
  let nats: DisposableNats;
  let system: RunningSystem;
  const url = (service: string, path: string) => `${system.services[service]!.httpUrl}${path}`;

  beforeAll(async () => {
    nats = await startDisposableNats();
    system = await startSystem({
      services: SERVICES,
      postgresUrl: serverUrl(),
      natsUrl: nats.url,
      databasePrefix: `flow_${Date.now().toString(36)}`,
      logDir: mkdtempSync(join(tmpdir(), 'mallbots-flow-')),
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await nats?.close();
  });

  it('ends with the checked-out basket as a pending order, its items and payment recorded', async () => {
    const store = await send('POST', url('stores', '/api/stores'), { name: 'Store ABC', location: 'The mall' });
    expect(store.status).toBe(200);
    const storeID = store.body.id as string;

    const product = await send('POST', url('stores', `/api/stores/${storeID}/products`), { name: 'Product ABC', description: 'Product description', sku: 'productABC', price: 9.99 });
    expect(product.status).toBe(200);
    const productID = product.body.id as string;

    const customer = await send('POST', url('customers', '/api/customers'), { name: 'Customer ABC', smsNumber: '555-555-1212' });
    expect(customer.status).toBe(200);
    const customerID = customer.body.id as string;

    const basket = await send('POST', url('baskets', '/api/baskets'), { customerId: customerID });
    expect(basket.status).toBe(200);
    const basketID = basket.body.id as string;

    // Straight after the product was created: baskets finds it in its cache (fed by ProductAdded) or asks stores.
    expect(await send('PUT', url('baskets', `/api/baskets/${basketID}/addItem`), { productId: productID, quantity: 5 })).toMatchObject({ status: 200 });

    const payment = await send('POST', url('payments', '/api/payments'), { customerId: customerID, amount: 200.0 });
    expect(payment.status).toBe(200);
    const paymentID = payment.body.id as string;

    expect(await send('PUT', url('baskets', `/api/baskets/${basketID}/checkout`), { paymentId: paymentID })).toMatchObject({ status: 200 });

    // BasketCheckedOut travels baskets' outbox → JetStream → ordering's inbox; the order id is the basket id.
    const order = await eventually(async () => {
      const response = await send('GET', url('ordering', `/api/ordering/${basketID}`));
      return response.status === 200 ? response.body : undefined;
    }, { timeoutMs: 20_000 });
    expect(order).toMatchObject({
      order: {
        id: basketID,
        customerId: customerID,
        paymentId: paymentID,
        status: 'pending',
        items: [expect.objectContaining({ storeId: storeID, productId: productID, storeName: 'Store ABC', productName: 'Product ABC', price: 9.99, quantity: 5 })],
      },
    });
    expect(await send('GET', url('baskets', `/api/baskets/${basketID}`))).toMatchObject({ status: 200 });
  });
});
