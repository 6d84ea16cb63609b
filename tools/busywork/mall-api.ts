// Every HTTP call busywork makes, behind one typed interface: the flows see `MallApi` only, so the HTTP client below
// can be swapped for the shared kiosk REST client later without touching them. Paths, methods and bodies are the
// services' REST controllers' (apps/<ctx>/src/adapters/rest), which keep the reference's (reference-openapi/).

export interface Store {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly participating: boolean;
}

export interface Product {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  /** A decimal amount as on the wire (9.99). */
  readonly price: number;
}

export interface NewProduct {
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: number;
}

export interface Order {
  readonly id: string;
  readonly status: string;
}

/** The route template of each operation: the key metrics and errors are grouped by. */
export const ROUTES = {
  registerCustomer: 'POST /api/customers',
  startBasket: 'POST /api/baskets',
  addItem: 'PUT /api/baskets/{id}/addItem',
  cancelBasket: 'DELETE /api/baskets/{id}',
  checkoutBasket: 'PUT /api/baskets/{id}/checkout',
  authorizePayment: 'POST /api/payments',
  getStores: 'GET /api/stores',
  getStore: 'GET /api/stores/{id}',
  createStore: 'POST /api/stores',
  rebrandStore: 'PUT /api/stores/{id}/rebrand',
  getStoreProducts: 'GET /api/stores/{id}/products',
  addProduct: 'POST /api/stores/{id}/products',
  getProduct: 'GET /api/stores/products/{id}',
  rebrandProduct: 'PUT /api/stores/products/{id}/rebrand',
  getOrder: 'GET /api/ordering/{id}',
} as const;

export type Operation = keyof typeof ROUTES;
export type Route = (typeof ROUTES)[Operation];

export interface MallApi {
  registerCustomer(name: string, smsNumber: string): Promise<{ id: string }>;
  startBasket(customerId: string): Promise<{ id: string }>;
  addItem(basketId: string, productId: string, quantity: number): Promise<void>;
  cancelBasket(basketId: string): Promise<void>;
  checkoutBasket(basketId: string, paymentId: string): Promise<void>;
  authorizePayment(customerId: string, amount: number): Promise<{ id: string }>;
  getStores(): Promise<Store[]>;
  getStore(storeId: string): Promise<Store>;
  createStore(name: string, location: string): Promise<{ id: string }>;
  rebrandStore(storeId: string, name: string): Promise<void>;
  getStoreProducts(storeId: string): Promise<Product[]>;
  addProduct(storeId: string, product: NewProduct): Promise<{ id: string }>;
  getProduct(productId: string): Promise<Product>;
  rebrandProduct(productId: string, name: string, description: string): Promise<void>;
  /** undefined while ordering does not know the order yet (404: BasketCheckedOut is still on its way). */
  getOrder(orderId: string): Promise<Order | undefined>;
}

/** What went wrong: an HTTP status, or no answer at all. */
export type FailureStatus = number | 'network' | 'timeout' | 'bad-answer';

/** A call that failed: an error answer, no answer, or an answer without the fields the caller needs. */
export class MallApiError extends Error {
  override name = 'MallApiError';
  readonly operation: Operation;
  readonly status: FailureStatus;
  readonly requestId: string | undefined;

  constructor(operation: Operation, status: FailureStatus, message: string, requestId?: string) {
    super(message);
    this.operation = operation;
    this.status = status;
    this.requestId = requestId;
  }
}

/** The run was stopped while the call was under way: not a failure of the system under load. */
export class CallAbortedError extends Error {
  override name = 'CallAbortedError';
  readonly operation: Operation;

  constructor(operation: Operation) {
    super(`${ROUTES[operation]} aborted`);
    this.operation = operation;
  }
}

export interface HttpMallApiOptions {
  /** The gateway, e.g. http://127.0.0.1:8080 (no trailing slash needed). */
  readonly baseUrl: string;
  /** Aborts every call under way and refuses new ones (Ctrl-C). */
  readonly signal?: AbortSignal;
  /** A call without an answer after this long fails as `timeout`. */
  readonly timeoutMs?: number;
  /** Prefix of the X-Request-Id sent with each call, so the gateway's access log can be matched to busywork's errors. */
  readonly requestIdPrefix?: string;
}

type Json = Record<string, unknown>;

export class HttpMallApi implements MallApi {
  private readonly baseUrl: string;
  private readonly signal: AbortSignal | undefined;
  private readonly timeoutMs: number;
  private readonly requestIdPrefix: string;
  private sequence = 0;

  constructor(options: HttpMallApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.signal = options.signal;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.requestIdPrefix = options.requestIdPrefix ?? 'busywork';
  }

  async registerCustomer(name: string, smsNumber: string): Promise<{ id: string }> {
    return idOf('registerCustomer', await this.call('registerCustomer', '/api/customers', { name, smsNumber }));
  }

  async startBasket(customerId: string): Promise<{ id: string }> {
    return idOf('startBasket', await this.call('startBasket', '/api/baskets', { customerId }));
  }

  async addItem(basketId: string, productId: string, quantity: number): Promise<void> {
    await this.call('addItem', `/api/baskets/${enc(basketId)}/addItem`, { productId, quantity });
  }

  async cancelBasket(basketId: string): Promise<void> {
    await this.call('cancelBasket', `/api/baskets/${enc(basketId)}`);
  }

  async checkoutBasket(basketId: string, paymentId: string): Promise<void> {
    await this.call('checkoutBasket', `/api/baskets/${enc(basketId)}/checkout`, { paymentId });
  }

  async authorizePayment(customerId: string, amount: number): Promise<{ id: string }> {
    return idOf('authorizePayment', await this.call('authorizePayment', '/api/payments', { customerId, amount }));
  }

  async getStores(): Promise<Store[]> {
    return listOf<Store>('getStores', await this.call('getStores', '/api/stores'), 'stores');
  }

  async getStore(storeId: string): Promise<Store> {
    return objectOf<Store>('getStore', await this.call('getStore', `/api/stores/${enc(storeId)}`), 'store');
  }

  async createStore(name: string, location: string): Promise<{ id: string }> {
    return idOf('createStore', await this.call('createStore', '/api/stores', { name, location }));
  }

  async rebrandStore(storeId: string, name: string): Promise<void> {
    await this.call('rebrandStore', `/api/stores/${enc(storeId)}/rebrand`, { name });
  }

  async getStoreProducts(storeId: string): Promise<Product[]> {
    return listOf<Product>('getStoreProducts', await this.call('getStoreProducts', `/api/stores/${enc(storeId)}/products`), 'products');
  }

  async addProduct(storeId: string, product: NewProduct): Promise<{ id: string }> {
    const { name, description, sku, price } = product;
    return idOf('addProduct', await this.call('addProduct', `/api/stores/${enc(storeId)}/products`, { name, description, sku, price }));
  }

  async getProduct(productId: string): Promise<Product> {
    return objectOf<Product>('getProduct', await this.call('getProduct', `/api/stores/products/${enc(productId)}`), 'product');
  }

  async rebrandProduct(productId: string, name: string, description: string): Promise<void> {
    await this.call('rebrandProduct', `/api/stores/products/${enc(productId)}/rebrand`, { name, description });
  }

  async getOrder(orderId: string): Promise<Order | undefined> {
    try {
      return objectOf<Order>('getOrder', await this.call('getOrder', `/api/ordering/${enc(orderId)}`), 'order');
    } catch (err) {
      if (err instanceof MallApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** One request: JSON in and out, a timeout, and the run's abort signal; any non-2xx answer is a MallApiError. */
  private async call(operation: Operation, path: string, body?: Json): Promise<Json> {
    if (this.signal?.aborted) throw new CallAbortedError(operation);
    const method = ROUTES[operation].split(' ')[0]!;
    const requestId = `${this.requestIdPrefix}-${++this.sequence}`;
    // One controller per call, linked to the run's signal and removed again afterwards: AbortSignal.any() on a
    // long-lived signal keeps every derived signal reachable for the run's whole life.
    const controller = new AbortController();
    const abort = () => controller.abort();
    this.signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          'User-Agent': 'mallbots-busywork',
          'X-Request-Id': requestId,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text(); // always read: an unread body holds its connection
      const parsed = parseJson(text);
      if (response.status < 200 || response.status > 299) {
        throw new MallApiError(operation, response.status, messageOf(parsed, text, response.statusText), requestId);
      }
      if (parsed === undefined) throw new MallApiError(operation, 'bad-answer', `answered ${response.status} with a body that is not a JSON object: ${clip(text)}`, requestId);
      return parsed;
    } catch (err) {
      if (err instanceof MallApiError) throw err;
      if (this.signal?.aborted) throw new CallAbortedError(operation);
      if (timedOut) throw new MallApiError(operation, 'timeout', `no answer within ${this.timeoutMs} ms`, requestId);
      throw new MallApiError(operation, 'network', networkMessage(err), requestId);
    } finally {
      clearTimeout(timer);
      this.signal?.removeEventListener('abort', abort);
    }
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

function parseJson(text: string): Json | undefined {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** The services answer errors as `{code, message, details}`; the gateway's own pages may be HTML. */
function messageOf(parsed: Json | undefined, text: string, statusText: string): string {
  if (parsed && typeof parsed.message === 'string' && parsed.message) return parsed.message;
  return clip(text) || statusText || 'no message';
}

function networkMessage(err: unknown): string {
  // fetch() says only "fetch failed"; the reason (ECONNREFUSED, ECONNRESET, …) is its cause.
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message;
  return reason ? `${(err as Error).message}: ${reason}` : String((err as Error)?.message ?? err);
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function idOf(operation: Operation, body: Json): { id: string } {
  if (typeof body.id !== 'string' || !body.id) throw new MallApiError(operation, 'bad-answer', `the answer has no id: ${clip(JSON.stringify(body))}`);
  return { id: body.id };
}

function objectOf<T>(operation: Operation, body: Json, field: string): T {
  const value = body[field];
  if (value === null || typeof value !== 'object' || typeof (value as Json).id !== 'string') {
    throw new MallApiError(operation, 'bad-answer', `the answer has no ${field}: ${clip(JSON.stringify(body))}`);
  }
  return value as T;
}

function listOf<T>(operation: Operation, body: Json, field: string): T[] {
  const value = body[field];
  // proto3 JSON leaves an empty repeated field out: no field is an empty list.
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MallApiError(operation, 'bad-answer', `the answer's ${field} is not a list: ${clip(JSON.stringify(body))}`);
  return value as T[];
}
