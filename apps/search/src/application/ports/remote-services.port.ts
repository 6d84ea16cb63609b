import type { CachedProduct } from './name-caches.port.js';

export const CUSTOMERS_SERVICE = Symbol.for('search.CustomersService');
export const STORES_SERVICE = Symbol.for('search.StoresService');

/**
 * The owning services, asked only when a cache misses (reference-behaviour §3.8: customers.GetCustomer,
 * stores.GetStore / GetProduct). Failures are typed DomainErrors: NotFoundError when the service does not know the
 * id, UnavailableError when it cannot be reached in time (deadline) or its circuit is open.
 */
export interface CustomersService {
  getCustomerName(id: string): Promise<string>;
}

export interface StoresService {
  getStoreName(id: string): Promise<string>;
  getProduct(id: string): Promise<CachedProduct>;
}
