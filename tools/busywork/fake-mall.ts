// Test doubles for busywork's own tests: an in-memory mall behind the MallApi interface that keeps the rules the
// real services enforce on busywork's calls (an empty basket cannot be checked out, a payment must cover the
// basket, only open baskets change, unknown ids are 404), and the same mall served over HTTP on a loopback port
// so the real HTTP client and the command line can run against it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MallApiError, ROUTES, type MallApi, type NewProduct, type Operation, type Order, type Product, type Store } from './mall-api.ts';

interface Basket {
  readonly customerId: string;
  status: 'open' | 'checked_out' | 'canceled';
  readonly items: Map<string, number>;
}

export interface Call {
  readonly operation: Operation;
  readonly args: readonly unknown[];
}

export class FakeMall implements MallApi {
  readonly stores = new Map<string, Store>();
  readonly products = new Map<string, Product>();
  readonly customers = new Map<string, { name: string; smsNumber: string }>();
  readonly baskets = new Map<string, Basket>();
  readonly payments = new Map<string, { customerId: string; amountCents: number }>();
  readonly orders = new Map<string, { status: string; polls: number }>();
  readonly calls: Call[] = [];
  /** An order is approved on the poll after this many polls of it (the saga takes a moment). */
  approveAfterPolls = 1;
  /** Operations that fail with this status, to see how busywork reports errors. */
  failing: Partial<Record<Operation, number>> = {};
  private sequence = 0;

  /** Test setup: a store with products at the given prices (in cents), without going through the call log. */
  seedStore(name: string, priceCents: readonly number[] = []): Store {
    const store: Store = { id: this.newId('store'), name, location: 'Level 1', participating: false };
    this.stores.set(store.id, store);
    for (const cents of priceCents) {
      const product: Product = { id: this.newId('product'), storeId: store.id, name: `Product ${cents}`, description: '', sku: 'SKU', price: cents / 100 };
      this.products.set(product.id, product);
    }
    return store;
  }

  callsOf(operation: Operation): Call[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  async registerCustomer(name: string, smsNumber: string): Promise<{ id: string }> {
    this.log('registerCustomer', name, smsNumber);
    const id = this.newId('customer');
    this.customers.set(id, { name, smsNumber });
    return { id };
  }

  async startBasket(customerId: string): Promise<{ id: string }> {
    this.log('startBasket', customerId);
    const id = this.newId('basket');
    this.baskets.set(id, { customerId, status: 'open', items: new Map() });
    return { id };
  }

  async addItem(basketId: string, productId: string, quantity: number): Promise<void> {
    this.log('addItem', basketId, productId, quantity);
    const basket = this.openBasket('addItem', basketId);
    if (!this.products.has(productId)) throw new MallApiError('addItem', 404, 'product not found');
    if (!(quantity > 0)) throw new MallApiError('addItem', 400, 'the item quantity cannot be negative');
    basket.items.set(productId, (basket.items.get(productId) ?? 0) + quantity);
  }

  async cancelBasket(basketId: string): Promise<void> {
    this.log('cancelBasket', basketId);
    this.openBasket('cancelBasket', basketId).status = 'canceled';
  }

  async checkoutBasket(basketId: string, paymentId: string): Promise<void> {
    this.log('checkoutBasket', basketId, paymentId);
    const basket = this.openBasket('checkoutBasket', basketId);
    if (basket.items.size === 0) throw new MallApiError('checkoutBasket', 400, 'the basket has no items');
    const payment = this.payments.get(paymentId);
    if (!payment) throw new MallApiError('checkoutBasket', 400, 'unknown payment');
    // The saga's ConfirmPayment would reject the order; the fake refuses at once so a wrong sum fails loudly.
    if (payment.amountCents !== this.totalCents(basket)) throw new MallApiError('checkoutBasket', 400, `payment ${payment.amountCents} ≠ basket ${this.totalCents(basket)}`);
    basket.status = 'checked_out';
    this.orders.set(basketId, { status: 'pending', polls: 0 });
  }

  async authorizePayment(customerId: string, amount: number): Promise<{ id: string }> {
    this.log('authorizePayment', customerId, amount);
    const cents = Math.round(amount * 100);
    if (Math.abs(amount * 100 - cents) > 1e-6 || cents <= 0) throw new MallApiError('authorizePayment', 400, `bad amount ${amount}`);
    const id = this.newId('payment');
    this.payments.set(id, { customerId, amountCents: cents });
    return { id };
  }

  async getStores(): Promise<Store[]> {
    this.log('getStores');
    return [...this.stores.values()];
  }

  async getStore(storeId: string): Promise<Store> {
    this.log('getStore', storeId);
    const store = this.stores.get(storeId);
    if (!store) throw new MallApiError('getStore', 404, 'store not found');
    return store;
  }

  async createStore(name: string, location: string): Promise<{ id: string }> {
    this.log('createStore', name, location);
    const id = this.newId('store');
    this.stores.set(id, { id, name, location, participating: false });
    return { id };
  }

  async rebrandStore(storeId: string, name: string): Promise<void> {
    this.log('rebrandStore', storeId, name);
    const store = await this.getStoreQuietly('rebrandStore', storeId);
    this.stores.set(storeId, { ...store, name });
  }

  async getStoreProducts(storeId: string): Promise<Product[]> {
    this.log('getStoreProducts', storeId);
    await this.getStoreQuietly('getStoreProducts', storeId);
    return [...this.products.values()].filter((p) => p.storeId === storeId);
  }

  async addProduct(storeId: string, product: NewProduct): Promise<{ id: string }> {
    this.log('addProduct', storeId, product);
    await this.getStoreQuietly('addProduct', storeId);
    const id = this.newId('product');
    this.products.set(id, { id, storeId, ...product });
    return { id };
  }

  async getProduct(productId: string): Promise<Product> {
    this.log('getProduct', productId);
    const product = this.products.get(productId);
    if (!product) throw new MallApiError('getProduct', 404, 'product not found');
    return product;
  }

  async rebrandProduct(productId: string, name: string, description: string): Promise<void> {
    this.log('rebrandProduct', productId, name, description);
    const product = this.products.get(productId);
    if (!product) throw new MallApiError('rebrandProduct', 404, 'product not found');
    this.products.set(productId, { ...product, name, description });
  }

  async getOrder(orderId: string): Promise<Order | undefined> {
    this.log('getOrder', orderId);
    const order = this.orders.get(orderId);
    if (!order) return undefined;
    order.polls++;
    if (order.status === 'pending' && order.polls > this.approveAfterPolls) order.status = 'approved';
    return { id: orderId, status: order.status };
  }

  private log(operation: Operation, ...args: unknown[]): void {
    this.calls.push({ operation, args });
    const status = this.failing[operation];
    if (status !== undefined) throw new MallApiError(operation, status, `${operation} is made to fail`);
  }

  private newId(kind: string): string {
    return `${kind}-${++this.sequence}`;
  }

  private openBasket(operation: Operation, id: string): Basket {
    const basket = this.baskets.get(id);
    if (!basket) throw new MallApiError(operation, 404, 'basket not found');
    if (basket.status !== 'open') throw new MallApiError(operation, 400, 'the basket cannot be modified');
    return basket;
  }

  private totalCents(basket: Basket): number {
    let total = 0;
    for (const [productId, quantity] of basket.items) total += Math.round(this.products.get(productId)!.price * 100) * quantity;
    return total;
  }

  private async getStoreQuietly(operation: Operation, storeId: string): Promise<Store> {
    const store = this.stores.get(storeId);
    if (!store) throw new MallApiError(operation, 404, 'store not found');
    return store;
  }
}

export interface FakeMallServer {
  readonly url: string;
  /** Requests received, as `METHOD path` (the real paths, not templates). */
  readonly received: string[];
  /** Each answer waits this long first (to have calls under way when a test stops the run). */
  delayMs: number;
  close(): Promise<void>;
}

/** `mall` over HTTP, with the gateway's paths and JSON shapes (`{stores}`, `{store}`, `{id}`, errors `{code, message}`). */
export async function serveFakeMall(mall: FakeMall): Promise<FakeMallServer> {
  const routes = (Object.entries(ROUTES) as Array<[Operation, string]>).map(([operation, route]) => {
    const [method, template] = route.split(' ') as [string, string];
    const pattern = new RegExp(`^${template.replace(/\{id\}/g, '([^/]+)')}$`);
    return { operation, method, pattern };
  });
  const received: string[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    received.push(`${req.method} ${req.url}`);
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, never>) : {};
    if (server.delayMs) {
      // Ends early when the client goes away, so an aborted call leaves no timer behind.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, server.delayMs);
        res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed) return;
    }
    const path = new URL(req.url!, 'http://x').pathname;
    let match: RegExpExecArray | null = null;
    const route = routes.find((r) => r.method === req.method && (match = r.pattern.exec(path)) !== null);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (!route) return send(404, { code: 5, message: `no route ${req.method} ${path}` });
    const id = decodeURIComponent((match as RegExpExecArray | null)?.[1] ?? '');
    try {
      send(200, await dispatch(mall, route.operation, id, body));
    } catch (err) {
      if (err instanceof MallApiError && typeof err.status === 'number') send(err.status, { code: err.status === 404 ? 5 : 3, message: err.message });
      else send(500, { code: 13, message: String(err) });
    }
  };
  const server = Object.assign(createServer((req, res) => void handle(req, res)), { delayMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get delayMs() {
      return server.delayMs;
    },
    set delayMs(ms: number) {
      server.delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function dispatch(mall: FakeMall, operation: Operation, id: string, body: Record<string, never>): Promise<unknown> {
  switch (operation) {
    case 'registerCustomer':
      return mall.registerCustomer(body.name, body.smsNumber);
    case 'startBasket':
      return mall.startBasket(body.customerId);
    case 'addItem':
      return mall.addItem(id, body.productId, body.quantity).then(() => ({}));
    case 'cancelBasket':
      return mall.cancelBasket(id).then(() => ({}));
    case 'checkoutBasket':
      return mall.checkoutBasket(id, body.paymentId).then(() => ({}));
    case 'authorizePayment':
      return mall.authorizePayment(body.customerId, body.amount);
    case 'getStores':
      return { stores: await mall.getStores() };
    case 'getStore':
      return { store: await mall.getStore(id) };
    case 'createStore':
      return mall.createStore(body.name, body.location);
    case 'rebrandStore':
      return mall.rebrandStore(id, body.name).then(() => ({}));
    case 'getStoreProducts':
      return { products: await mall.getStoreProducts(id) };
    case 'addProduct':
      return mall.addProduct(id, { name: body.name, description: body.description, sku: body.sku, price: body.price });
    case 'getProduct':
      return { product: await mall.getProduct(id) };
    case 'rebrandProduct':
      return mall.rebrandProduct(id, body.name, body.description).then(() => ({}));
    case 'getOrder': {
      const order = await mall.getOrder(id);
      if (!order) throw new MallApiError('getOrder', 404, 'order not found');
      return { order };
    }
  }
}
