// Typed calls to MallBots through its Nginx gateway, the only door a kiosk, a bot or the staff's app has. Every
// route the specifications use is named here once, so the step definitions speak of stores, baskets and orders and
// never of paths. Each call returns the raw Reply: a step that expects success unwraps it with `accepted`, a step
// that tries something the system may refuse keeps it for a later "it is refused because …".
import { JsonClient, type Reply } from '../../system/json-client.ts';

export type { Reply };

export interface StoreView {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly participating: boolean;
}

export interface ProductView {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: number;
}

export interface CustomerView {
  readonly id: string;
  readonly name: string;
  readonly smsNumber: string;
  readonly enabled: boolean;
}

export interface BasketView {
  readonly id: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly status: string;
  readonly total: number;
  readonly items: ReadonlyArray<{ storeId: string; productId: string; storeName: string; productName: string; productPrice: number; quantity: number }>;
}

export interface OrderView {
  readonly id: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly status: string;
  readonly items: ReadonlyArray<{ storeId: string; productId: string; storeName: string; productName: string; price: number; quantity: number }>;
  readonly shoppingId?: string;
  readonly invoiceId?: string;
}

export interface ShoppingListView {
  readonly id: string;
  readonly orderId: string;
  readonly status: string;
  readonly assignedBotId: string;
  readonly stops: Readonly<Record<string, { storeName: string; storeLocation: string; items: Readonly<Record<string, { name: string; quantity: number }>> }>>;
}

export interface InvoiceView {
  readonly id: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly status: string;
}

export interface SearchFilters {
  customerId?: string;
  storeIds?: string[];
  productIds?: string[];
  minTotal?: number;
  maxTotal?: number;
  status?: string;
}

export interface FoundOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly total: number;
  readonly status: string;
  // quantity is an int64 in the search contract, hence a JSON string
  readonly items: ReadonlyArray<{ productId: string; storeId: string; productName: string; storeName: string; price: number; quantity: string }>;
}

/** One call and its answer, kept so that a failed scenario can show what the system last said. */
export interface Exchange {
  readonly call: string;
  readonly status: number;
  readonly answer: unknown;
}

/** The body of a 200 answer; anything else is an error naming the call and the answer. */
export function accepted<T>(reply: Reply, what: string): T {
  if (reply.status !== 200) throw new Error(`${what} was refused: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as T;
}

export class MallApi {
  private readonly client: JsonClient;
  private readonly journal: Exchange[] = [];

  constructor(gatewayUrl: string) {
    this.client = new JsonClient(gatewayUrl);
  }

  /** The last calls of this scenario, newest last (at most 10). */
  recent(): readonly Exchange[] {
    return this.journal;
  }

  private async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const reply = await this.client.send(method, path, body);
    this.journal.push({ call: `${method} ${path}${body === undefined ? '' : ` ${JSON.stringify(body)}`}`, status: reply.status, answer: reply.body });
    if (this.journal.length > 10) this.journal.shift();
    return reply;
  }

  // ── store management ──────────────────────────────────────────────────────────────────────────────────────────
  createStore(name: string, location: string): Promise<Reply> {
    return this.call('POST', '/api/stores', { name, location });
  }
  store(id: string): Promise<Reply> {
    return this.call('GET', `/api/stores/${id}`);
  }
  stores(): Promise<Reply> {
    return this.call('GET', '/api/stores');
  }
  participatingStores(): Promise<Reply> {
    return this.call('GET', '/api/stores/participating');
  }
  enableParticipation(id: string): Promise<Reply> {
    return this.call('PUT', `/api/stores/${id}/participating`, {});
  }
  disableParticipation(id: string): Promise<Reply> {
    return this.call('DELETE', `/api/stores/${id}/participating`);
  }
  rebrandStore(id: string, name: string): Promise<Reply> {
    return this.call('PUT', `/api/stores/${id}/rebrand`, { name });
  }

  // ── catalog ───────────────────────────────────────────────────────────────────────────────────────────────────
  addProduct(storeId: string, product: { name: string; description: string; sku: string; price: number }): Promise<Reply> {
    return this.call('POST', `/api/stores/${storeId}/products`, product);
  }
  catalog(storeId: string): Promise<Reply> {
    return this.call('GET', `/api/stores/${storeId}/products`);
  }
  rebrandProduct(id: string, name: string, description: string): Promise<Reply> {
    return this.call('PUT', `/api/stores/products/${id}/rebrand`, { name, description });
  }
  increasePrice(id: string, price: number): Promise<Reply> {
    return this.call('PUT', `/api/stores/products/${id}/increasePrice`, { price });
  }
  decreasePrice(id: string, price: number): Promise<Reply> {
    return this.call('PUT', `/api/stores/products/${id}/decreasePrice`, { price });
  }
  removeProduct(id: string): Promise<Reply> {
    return this.call('DELETE', `/api/stores/products/${id}`);
  }

  // ── customers ─────────────────────────────────────────────────────────────────────────────────────────────────
  registerCustomer(name: string, smsNumber: string): Promise<Reply> {
    return this.call('POST', '/api/customers', { name, smsNumber });
  }
  customer(id: string): Promise<Reply> {
    return this.call('GET', `/api/customers/${id}`);
  }
  changeSmsNumber(id: string, smsNumber: string): Promise<Reply> {
    return this.call('PUT', `/api/customers/${id}/change-sms`, { smsNumber });
  }
  enableCustomer(id: string): Promise<Reply> {
    return this.call('PUT', `/api/customers/${id}/enable`, {});
  }
  disableCustomer(id: string): Promise<Reply> {
    return this.call('PUT', `/api/customers/${id}/disable`, {});
  }

  // ── baskets (the kiosk) ───────────────────────────────────────────────────────────────────────────────────────
  startBasket(customerId: string): Promise<Reply> {
    return this.call('POST', '/api/baskets', { customerId });
  }
  basket(id: string): Promise<Reply> {
    return this.call('GET', `/api/baskets/${id}`);
  }
  addItem(basketId: string, productId: string, quantity: number): Promise<Reply> {
    return this.call('PUT', `/api/baskets/${basketId}/addItem`, { productId, quantity });
  }
  removeItem(basketId: string, productId: string, quantity: number): Promise<Reply> {
    return this.call('PUT', `/api/baskets/${basketId}/removeItem`, { productId, quantity });
  }
  cancelBasket(id: string): Promise<Reply> {
    return this.call('DELETE', `/api/baskets/${id}`);
  }
  checkout(basketId: string, paymentId: string): Promise<Reply> {
    return this.call('PUT', `/api/baskets/${basketId}/checkout`, { paymentId });
  }

  // ── payments and invoices ─────────────────────────────────────────────────────────────────────────────────────
  authorizePayment(customerId: string, amount: number): Promise<Reply> {
    return this.call('POST', '/api/payments', { customerId, amount });
  }
  invoice(id: string): Promise<Reply> {
    return this.call('GET', `/api/payments/invoices/${id}`);
  }
  payInvoice(id: string): Promise<Reply> {
    return this.call('PUT', `/api/payments/invoices/${id}/pay`, {});
  }
  cancelInvoice(id: string): Promise<Reply> {
    return this.call('PUT', `/api/payments/invoices/${id}/cancel`, {});
  }

  // ── ordering ──────────────────────────────────────────────────────────────────────────────────────────────────
  order(id: string): Promise<Reply> {
    return this.call('GET', `/api/ordering/${id}`);
  }
  cancelOrder(id: string): Promise<Reply> {
    return this.call('DELETE', `/api/ordering/${id}`);
  }

  // ── depot ─────────────────────────────────────────────────────────────────────────────────────────────────────
  shoppingList(id: string): Promise<Reply> {
    return this.call('GET', `/api/depot/shopping/${id}`);
  }
  /** The lists in one status, oldest first (the depot answers at most 500). */
  shoppingLists(status: string): Promise<Reply> {
    return this.call('GET', `/api/depot/shopping?status=${encodeURIComponent(status)}&limit=500`);
  }
  createShoppingList(orderId: string, items: Array<{ productId: string; storeId: string; quantity: number }>): Promise<Reply> {
    return this.call('POST', '/api/depot/shopping', { orderId, items });
  }
  assignShoppingList(id: string, botId: string): Promise<Reply> {
    return this.call('PUT', `/api/depot/shopping/${id}/assign`, { botId });
  }
  completeShoppingList(id: string): Promise<Reply> {
    return this.call('PUT', `/api/depot/shopping/${id}/complete`, {});
  }

  // ── order search ──────────────────────────────────────────────────────────────────────────────────────────────
  searchOrders(filters: SearchFilters, limit = 100): Promise<Reply> {
    return this.call('POST', '/api/search/orders', { filters, limit });
  }
  searchedOrder(id: string): Promise<Reply> {
    return this.call('GET', `/api/search/orders/${id}`);
  }
}
