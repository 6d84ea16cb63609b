// The HTTP client against the fake mall served on a loopback port: paths, methods, bodies and the kinds of failure.
// (The real services' shapes are proven by the system test, tools/system/order-lifecycle.int.spec.ts.)
import { createServer } from 'node:http';
import { eventually } from '@mallbots/testing';
import type { AddressInfo } from 'node:net';
import { FakeMall, serveFakeMall, type FakeMallServer } from './fake-mall.ts';
import { CallAbortedError, HttpMallApi, MallApiError } from './mall-api.ts';

describe('the HTTP mall API', () => {
  let mall: FakeMall;
  let server: FakeMallServer;

  beforeEach(async () => {
    mall = new FakeMall();
    server = await serveFakeMall(mall);
  });

  afterEach(() => server.close());

  it('makes the reference busywork’s calls with their JSON bodies, and reads the answers', async () => {
    const api = new HttpMallApi({ baseUrl: `${server.url}/`, requestIdPrefix: 'test' });
    const { id: storeId } = await api.createStore('Acme Group', 'Toys');
    const { id: productId } = await api.addProduct(storeId, { name: 'Sleek Steel Chair', description: 'enable robust synergies', sku: 'Sleek', price: 7.25 });
    expect(await api.getStores()).toEqual([{ id: storeId, name: 'Acme Group', location: 'Toys', participating: false }]);
    expect(await api.getStore(storeId)).toMatchObject({ id: storeId, name: 'Acme Group' });
    expect(await api.getStoreProducts(storeId)).toEqual([{ id: productId, storeId, name: 'Sleek Steel Chair', description: 'enable robust synergies', sku: 'Sleek', price: 7.25 }]);
    expect(await api.getProduct(productId)).toMatchObject({ id: productId, price: 7.25 });
    await api.rebrandStore(storeId, 'Zenith Inc');
    await api.rebrandProduct(productId, 'Rustic Silk Hat', 'seize viral markets');
    const { id: customerId } = await api.registerCustomer('Ada Abbott', '555-123-4567');
    const { id: basketId } = await api.startBasket(customerId);
    await api.addItem(basketId, productId, 2);
    const { id: paymentId } = await api.authorizePayment(customerId, 14.5);
    await api.checkoutBasket(basketId, paymentId);
    expect(await api.getOrder(basketId)).toEqual({ id: basketId, status: 'pending' });
    const { id: other } = await api.startBasket(customerId);
    await api.cancelBasket(other);

    expect(server.received).toEqual([
      'POST /api/stores',
      `POST /api/stores/${storeId}/products`,
      'GET /api/stores',
      `GET /api/stores/${storeId}`,
      `GET /api/stores/${storeId}/products`,
      `GET /api/stores/products/${productId}`,
      `PUT /api/stores/${storeId}/rebrand`,
      `PUT /api/stores/products/${productId}/rebrand`,
      'POST /api/customers',
      'POST /api/baskets',
      `PUT /api/baskets/${basketId}/addItem`,
      'POST /api/payments',
      `PUT /api/baskets/${basketId}/checkout`,
      `GET /api/ordering/${basketId}`,
      'POST /api/baskets',
      `DELETE /api/baskets/${other}`,
    ]);
    // The bodies arrived as the fake's methods were called with them.
    expect(mall.calls.map((c) => [c.operation, c.args])).toEqual([
      ['createStore', ['Acme Group', 'Toys']],
      ['addProduct', [storeId, { name: 'Sleek Steel Chair', description: 'enable robust synergies', sku: 'Sleek', price: 7.25 }]],
      ['getStores', []],
      ['getStore', [storeId]],
      ['getStoreProducts', [storeId]],
      ['getProduct', [productId]],
      ['rebrandStore', [storeId, 'Zenith Inc']],
      ['rebrandProduct', [productId, 'Rustic Silk Hat', 'seize viral markets']],
      ['registerCustomer', ['Ada Abbott', '555-123-4567']],
      ['startBasket', [customerId]],
      ['addItem', [basketId, productId, 2]],
      ['authorizePayment', [customerId, 14.5]],
      ['checkoutBasket', [basketId, paymentId]],
      ['getOrder', [basketId]],
      ['startBasket', [customerId]],
      ['cancelBasket', [other]],
    ]);
  });

  it('turns an error answer into a MallApiError with the service’s message and the request id it sent', async () => {
    const api = new HttpMallApi({ baseUrl: server.url, requestIdPrefix: 'run7' });
    const error = await api.getStore('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MallApiError);
    expect(error).toMatchObject({ operation: 'getStore', status: 404, message: 'store not found', requestId: 'run7-1' });
  });

  it('answers undefined for an order ordering does not know yet (404), not an error', async () => {
    expect(await new HttpMallApi({ baseUrl: server.url }).getOrder('not-yet')).toBeUndefined();
  });

  it('reports no answer as `timeout` after its time limit', async () => {
    server.delayMs = 500;
    const api = new HttpMallApi({ baseUrl: server.url, timeoutMs: 50 });
    await expect(api.getStores()).rejects.toMatchObject({ status: 'timeout', message: 'no answer within 50 ms' });
  });

  it('aborts a call under way when the run’s signal aborts, and refuses new ones', async () => {
    server.delayMs = 5_000;
    const stop = new AbortController();
    const api = new HttpMallApi({ baseUrl: server.url, signal: stop.signal });
    const started = performance.now();
    const call = api.getStores();
    await eventually(() => server.received.includes('GET /api/stores')); // the call is at the server
    stop.abort();
    await expect(call).rejects.toBeInstanceOf(CallAbortedError);
    expect(performance.now() - started).toBeLessThan(2_000); // not the 5 s answer
    await expect(api.registerCustomer('a', 'b')).rejects.toBeInstanceOf(CallAbortedError);
  });

  it('reports a refused connection as `network`, with the reason', async () => {
    const closed = await serveFakeMall(new FakeMall());
    await closed.close();
    await expect(new HttpMallApi({ baseUrl: closed.url }).getStores()).rejects.toMatchObject({ status: 'network', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('reports a 200 answer it cannot use as `bad-answer`', async () => {
    const odd = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(req.url === '/api/customers' ? '{"name":"no id"}' : '<html>not json</html>');
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    const api = new HttpMallApi({ baseUrl: `http://127.0.0.1:${(odd.address() as AddressInfo).port}` });
    try {
      await expect(api.getStores()).rejects.toMatchObject({ status: 'bad-answer', message: expect.stringContaining('<html>not json</html>') });
      await expect(api.registerCustomer('a', 'b')).rejects.toMatchObject({ status: 'bad-answer', message: 'the answer has no id: {"name":"no id"}' });
    } finally {
      odd.closeAllConnections();
      await new Promise((resolve) => odd.close(resolve));
    }
  });
});
