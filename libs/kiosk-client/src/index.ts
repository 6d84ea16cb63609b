export { KioskClient, BasketsApi, StoresApi, CustomersApi, PaymentsApi } from './kiosk-client.js';
export { KioskHttp, DEFAULT_TIMEOUT_MS, type KioskClientOptions, type CallOptions } from './http.js';
export { ApiErrorCode, codeOfHttpStatus, KioskApiError, KioskNetworkError, KioskTimeoutError, type KioskApiErrorInit } from './errors.js';
export type {
  AuthorizePaymentRequest,
  Basket,
  BasketItem,
  BasketStatus,
  CheckoutBasketRequest,
  Customer,
  ErrorBody,
  GetBasketResponse,
  GetCatalogResponse,
  GetCustomerResponse,
  GetInvoiceResponse,
  GetProductResponse,
  GetStoreResponse,
  GetStoresResponse,
  IdResponse,
  Invoice,
  InvoiceStatus,
  ItemRequest,
  Product,
  RegisterCustomerRequest,
  StartBasketRequest,
  Store,
} from './types.js';
