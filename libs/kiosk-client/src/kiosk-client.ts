import { type CallOptions, KioskHttp, type KioskClientOptions, segment } from './http.js';
import type {
  AuthorizePaymentRequest,
  Basket,
  CheckoutBasketRequest,
  Customer,
  GetBasketResponse,
  GetCatalogResponse,
  GetCustomerResponse,
  GetInvoiceResponse,
  GetProductResponse,
  GetStoreResponse,
  GetStoresResponse,
  IdResponse,
  Invoice,
  ItemRequest,
  Product,
  RegisterCustomerRequest,
  StartBasketRequest,
  Store,
} from './types.js';

/** A kiosk's shopping basket: start one for a customer, fill it, then check it out with a payment (or cancel it). */
export class BasketsApi {
  readonly #http: KioskHttp;

  constructor(http: KioskHttp) {
    this.#http = http;
  }

  /** POST /api/baskets → the new basket's id. */
  start(customerId: string, call?: CallOptions): Promise<IdResponse> {
    return this.#http.request<IdResponse>('POST', '/api/baskets', { customerId } satisfies StartBasketRequest, call);
  }

  /** GET /api/baskets/{id} */
  async get(basketId: string, call?: CallOptions): Promise<Basket> {
    return (await this.#http.request<GetBasketResponse>('GET', `/api/baskets/${segment(basketId)}`, undefined, call)).basket;
  }

  /** PUT /api/baskets/{id}/addItem: adds `quantity` of the product (to its line, if the basket has one). */
  async addItem(basketId: string, item: ItemRequest, call?: CallOptions): Promise<void> {
    await this.#http.request('PUT', `/api/baskets/${segment(basketId)}/addItem`, { productId: item.productId, quantity: item.quantity } satisfies ItemRequest, call);
  }

  /** PUT /api/baskets/{id}/removeItem: takes `quantity` of the product out of the basket. */
  async removeItem(basketId: string, item: ItemRequest, call?: CallOptions): Promise<void> {
    await this.#http.request('PUT', `/api/baskets/${segment(basketId)}/removeItem`, { productId: item.productId, quantity: item.quantity } satisfies ItemRequest, call);
  }

  /** DELETE /api/baskets/{id}: the customer walks away; the basket is emptied and closed. */
  async cancel(basketId: string, call?: CallOptions): Promise<void> {
    await this.#http.request('DELETE', `/api/baskets/${segment(basketId)}`, undefined, call);
  }

  /** PUT /api/baskets/{id}/checkout with an authorized payment: the order is placed (its id is the basket's). */
  async checkout(basketId: string, paymentId: string, call?: CallOptions): Promise<void> {
    await this.#http.request('PUT', `/api/baskets/${segment(basketId)}/checkout`, { paymentId } satisfies CheckoutBasketRequest, call);
  }
}

/** The mall as a kiosk shows it: stores, the ones taking part, and what each sells. */
export class StoresApi {
  readonly #http: KioskHttp;

  constructor(http: KioskHttp) {
    this.#http = http;
  }

  /** GET /api/stores: every store. */
  async list(call?: CallOptions): Promise<readonly Store[]> {
    return (await this.#http.request<GetStoresResponse>('GET', '/api/stores', undefined, call)).stores;
  }

  /** GET /api/stores/participating: the mall, i.e. the stores the bots shop in. */
  async participating(call?: CallOptions): Promise<readonly Store[]> {
    return (await this.#http.request<GetStoresResponse>('GET', '/api/stores/participating', undefined, call)).stores;
  }

  /** GET /api/stores/{id} */
  async get(storeId: string, call?: CallOptions): Promise<Store> {
    return (await this.#http.request<GetStoreResponse>('GET', `/api/stores/${segment(storeId)}`, undefined, call)).store;
  }

  /** GET /api/stores/{storeId}/products: the store's catalog. */
  async catalog(storeId: string, call?: CallOptions): Promise<readonly Product[]> {
    return (await this.#http.request<GetCatalogResponse>('GET', `/api/stores/${segment(storeId)}/products`, undefined, call)).products;
  }

  /** GET /api/stores/products/{id} */
  async product(productId: string, call?: CallOptions): Promise<Product> {
    return (await this.#http.request<GetProductResponse>('GET', `/api/stores/products/${segment(productId)}`, undefined, call)).product;
  }
}

/** Registering a customer at the kiosk, and looking one up. */
export class CustomersApi {
  readonly #http: KioskHttp;

  constructor(http: KioskHttp) {
    this.#http = http;
  }

  /** POST /api/customers → the new customer's id. */
  register(customer: RegisterCustomerRequest, call?: CallOptions): Promise<IdResponse> {
    return this.#http.request<IdResponse>('POST', '/api/customers', { name: customer.name, smsNumber: customer.smsNumber } satisfies RegisterCustomerRequest, call);
  }

  /** GET /api/customers/{id} */
  async get(customerId: string, call?: CallOptions): Promise<Customer> {
    return (await this.#http.request<GetCustomerResponse>('GET', `/api/customers/${segment(customerId)}`, undefined, call)).customer;
  }
}

/** The card pre-authorization before checkout, and the invoice paid at the depot. */
export class PaymentsApi {
  readonly #http: KioskHttp;

  constructor(http: KioskHttp) {
    this.#http = http;
  }

  /** POST /api/payments → the payment's id, to check the basket out with. */
  authorize(payment: AuthorizePaymentRequest, call?: CallOptions): Promise<IdResponse> {
    const body: AuthorizePaymentRequest = { customerId: payment.customerId, amount: payment.amount, ...(payment.id === undefined ? {} : { id: payment.id }) };
    return this.#http.request<IdResponse>('POST', '/api/payments', body, call);
  }

  /** GET /api/payments/invoices/{id}: the customer reviews the invoice before paying. */
  async invoice(invoiceId: string, call?: CallOptions): Promise<Invoice> {
    return (await this.#http.request<GetInvoiceResponse>('GET', `/api/payments/invoices/${segment(invoiceId)}`, undefined, call)).invoice;
  }

  /** PUT /api/payments/invoices/{id}/pay (paying a paid invoice again is accepted and changes nothing). */
  async payInvoice(invoiceId: string, call?: CallOptions): Promise<void> {
    await this.#http.request('PUT', `/api/payments/invoices/${segment(invoiceId)}/pay`, {}, call);
  }
}

/**
 * What a kiosk front end uses to talk to MallBots through the gateway: one object per context the kiosk needs.
 *
 * ```ts
 * const kiosk = new KioskClient({ baseUrl: 'http://127.0.0.1:8080' });
 * const { id } = await kiosk.baskets.start(customerId);
 * ```
 */
export class KioskClient {
  readonly baskets: BasketsApi;
  readonly stores: StoresApi;
  readonly customers: CustomersApi;
  readonly payments: PaymentsApi;

  constructor(options: KioskClientOptions) {
    const http = new KioskHttp(options);
    this.baskets = new BasketsApi(http);
    this.stores = new StoresApi(http);
    this.customers = new CustomersApi(http);
    this.payments = new PaymentsApi(http);
  }
}
