// The transport against a real HTTP server on loopback: what goes on the wire, how answers and failures come back.
// The contracts with the services themselves are the *.pact.spec.ts files beside this one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiErrorCode, KioskApiError, KioskClient, KioskNetworkError, KioskTimeoutError } from './index.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer: (req: IncomingMessage, res: ServerResponse) => void;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
});

describe('KioskClient requests', () => {
  it('sends JSON with Accept and Content-Type, the generated X-Request-Id, and unwraps the answer', async () => {
    const ids = ['req-1', 'req-2'];
    const kiosk = new KioskClient({ baseUrl: `${baseUrl}/`, requestId: () => ids.shift()! });
    answer = json(200, {});
    await kiosk.baskets.addItem('b-1', { productId: 'p-1', quantity: 2 });
    answer = json(200, { basket: { id: 'b-1', items: [], customerId: 'c-1', paymentId: '', status: 'open', total: 0 } });
    const basket = await kiosk.baskets.get('b-1');

    expect(received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'PUT', url: '/api/baskets/b-1/addItem', body: '{"productId":"p-1","quantity":2}' },
      { method: 'GET', url: '/api/baskets/b-1', body: '' },
    ]);
    expect(received[0]!.headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json', 'x-request-id': 'req-1' });
    expect(received[1]!.headers['content-type']).toBeUndefined();
    expect(received[1]!.headers['x-request-id']).toBe('req-2');
    expect(basket).toEqual({ id: 'b-1', items: [], customerId: 'c-1', paymentId: '', status: 'open', total: 0 });
  });

  it('prefers a per-call request id, sends none without one, and escapes ids in paths', async () => {
    answer = json(200, { customer: { id: 'x', name: 'n', smsNumber: 's', enabled: true } });
    await new KioskClient({ baseUrl, requestId: () => 'generated' }).customers.get('a/b?c', { requestId: 'chosen' });
    await new KioskClient({ baseUrl }).customers.get('plain');
    expect(received.map((r) => [r.url, r.headers['x-request-id']])).toEqual([
      ['/api/customers/a%2Fb%3Fc', 'chosen'],
      ['/api/customers/plain', undefined],
    ]);
  });

  it('sends the optional payment operation id only when given', async () => {
    answer = json(200, { id: 'pay-1' });
    const kiosk = new KioskClient({ baseUrl });
    expect(await kiosk.payments.authorize({ customerId: 'c-1', amount: 19.98 })).toEqual({ id: 'pay-1' });
    await kiosk.payments.authorize({ customerId: 'c-1', amount: 5, id: 'op-1' });
    expect(received.map((r) => JSON.parse(r.body))).toEqual([
      { customerId: 'c-1', amount: 19.98 },
      { customerId: 'c-1', amount: 5, id: 'op-1' },
    ]);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => new KioskClient({ baseUrl: '127.0.0.1:8080' })).toThrow('needs an http(s) base URL');
  });
});

describe('KioskClient failures', () => {
  const kiosk = () => new KioskClient({ baseUrl, timeoutMs: 2_000 });

  it('turns the services’ error body into a KioskApiError with status, code, message and the answered request id', async () => {
    answer = json(400, { code: 3, message: 'the item quantity cannot be negative', details: [] }, { 'x-request-id': 'gw-7' });
    const error = await kiosk().baskets.addItem('b-1', { productId: 'p-1', quantity: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskApiError);
    expect(error).toMatchObject({
      name: 'KioskApiError',
      method: 'PUT',
      path: '/api/baskets/b-1/addItem',
      status: 400,
      code: ApiErrorCode.INVALID_ARGUMENT,
      codeName: 'INVALID_ARGUMENT',
      message: 'the item quantity cannot be negative',
      details: [],
      requestId: 'gw-7',
      isBadRequest: true,
      isNotFound: false,
      isRetryable: false,
    });
  });

  it('keeps the status of an answer without the services’ body and derives the code from it', async () => {
    answer = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    };
    await expect(kiosk().stores.list()).rejects.toMatchObject({ status: 502, code: ApiErrorCode.UNAVAILABLE, message: 'HTTP 502 Bad Gateway', isRetryable: true });
    answer = (_req, res) => res.writeHead(404).end();
    await expect(kiosk().stores.get('s-1')).rejects.toMatchObject({ status: 404, code: ApiErrorCode.NOT_FOUND, isNotFound: true });
  });

  it('refuses a successful answer that is not JSON', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    await expect(kiosk().stores.list()).rejects.toMatchObject({ name: 'KioskApiError', status: 200, code: ApiErrorCode.UNKNOWN, message: 'the answer to GET /api/stores is not JSON' });
  });

  it('gives up with KioskTimeoutError when no answer comes in time', async () => {
    answer = () => undefined; // never answers
    const started = Date.now();
    const error = await new KioskClient({ baseUrl, timeoutMs: 100 }).customers.get('c-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskTimeoutError);
    expect(error).toMatchObject({ method: 'GET', path: '/api/customers/c-1', timeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('counts a body that stops half-way against the deadline too', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"stores":['); // and nothing more
    };
    await expect(kiosk().stores.list({ timeoutMs: 100 })).rejects.toBeInstanceOf(KioskTimeoutError);
  });

  it('rethrows the caller’s own abort as it is', async () => {
    answer = () => undefined;
    const controller = new AbortController();
    const call = kiosk().stores.participating({ signal: controller.signal });
    controller.abort(new Error('the customer walked away'));
    await expect(call).rejects.toThrow('the customer walked away');
  });

  it('reports an unreachable gateway as KioskNetworkError with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await new KioskClient({ baseUrl: `http://127.0.0.1:${port}` }).stores.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskNetworkError);
    expect((error as KioskNetworkError).cause).toBeDefined();
  });
});
