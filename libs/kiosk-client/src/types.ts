// The JSON that MallBots' REST API sends and receives through the gateway, as the services' DTOs define it
// (apps/<ctx>/src/adapters/rest/*.dto.ts) and the reference's OpenAPI documents describe it: lowerCamelCase fields,
// amounts as decimal numbers in currency units (9.99), `{}` for commands that return nothing.

// ── baskets (/api/baskets) ────────────────────────────────────────────────────────────────────────────────────────

export type BasketStatus = 'open' | 'checked_out' | 'canceled';

/** One line of a basket: a product of a store, at the price it had when it was added. */
export interface BasketItem {
  readonly storeId: string;
  readonly productId: string;
  readonly storeName: string;
  readonly productName: string;
  readonly productPrice: number;
  /** int32 */
  readonly quantity: number;
}

export interface Basket {
  readonly id: string;
  readonly items: readonly BasketItem[];
  /** Not in the reference's API (it hid customer, payment and status); MallBots shows them. */
  readonly customerId: string;
  /** Empty until the basket is checked out. */
  readonly paymentId: string;
  readonly status: BasketStatus;
  /** Σ productPrice × quantity. */
  readonly total: number;
}

export interface StartBasketRequest {
  readonly customerId: string;
}

export interface ItemRequest {
  readonly productId: string;
  /** A whole number above zero (int32 on the wire). */
  readonly quantity: number;
}

export interface CheckoutBasketRequest {
  readonly paymentId: string;
}

export interface GetBasketResponse {
  readonly basket: Basket;
}

// ── stores (/api/stores) ──────────────────────────────────────────────────────────────────────────────────────────

export interface Store {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  /** Whether the store takes part in the mall (its products can be shopped by the bots). */
  readonly participating: boolean;
}

export interface Product {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: number;
}

export interface GetStoresResponse {
  readonly stores: readonly Store[];
}

export interface GetStoreResponse {
  readonly store: Store;
}

export interface GetCatalogResponse {
  readonly products: readonly Product[];
}

export interface GetProductResponse {
  readonly product: Product;
}

// ── customers (/api/customers) ────────────────────────────────────────────────────────────────────────────────────

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly smsNumber: string;
  /** A disabled customer cannot place orders. */
  readonly enabled: boolean;
}

export interface RegisterCustomerRequest {
  readonly name: string;
  readonly smsNumber: string;
}

export interface GetCustomerResponse {
  readonly customer: Customer;
}

// ── payments (/api/payments) ──────────────────────────────────────────────────────────────────────────────────────

export interface AuthorizePaymentRequest {
  readonly customerId: string;
  /** Above zero, at most two decimal places. */
  readonly amount: number;
  /**
   * Optional operation id (a UUID the kiosk chooses; not in the reference): retrying with the same id, customer and
   * amount answers with the same payment instead of authorizing twice.
   */
  readonly id?: string;
}

export type InvoiceStatus = 'pending' | 'paid' | 'canceled';

/** The bill of an order that is ready at the depot; its id is the order's (and so the basket's) id. */
export interface Invoice {
  readonly id: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly status: InvoiceStatus;
}

export interface GetInvoiceResponse {
  readonly invoice: Invoice;
}

// ── shared ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a command that creates something answers. */
export interface IdResponse {
  readonly id: string;
}

/** The services' error body (the reference's grpc-gateway shape): `code` is the gRPC status code. */
export interface ErrorBody {
  readonly code: number;
  readonly message: string;
  readonly details?: readonly unknown[];
}
