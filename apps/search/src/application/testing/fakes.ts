// Test support: in-memory caches and remote services whose answers a test sets, recording what they are asked.
import { NotFoundError } from '@mallbots/ddd';
import type { CachedProduct, CustomerCache, ProductCache, StoreCache } from '../ports/name-caches.port.js';
import type { CustomersService, StoresService } from '../ports/remote-services.port.js';

/** customers_cache / stores_cache in memory; `fallbacks` lists what fallbacks cached. */
export class FakeNameCache implements CustomerCache, StoreCache {
  readonly names = new Map<string, string>();
  readonly fallbacks: string[] = [];

  async findName(id: string): Promise<string | undefined> {
    return this.names.get(id);
  }
  async registered(id: string, name: string): Promise<void> {
    this.names.set(id, name);
  }
  async created(id: string, name: string): Promise<void> {
    this.names.set(id, name);
  }
  async cacheFallback(id: string, name: string): Promise<void> {
    this.fallbacks.push(id);
    if (!this.names.has(id)) this.names.set(id, name);
  }
  async rename(id: string, name: string): Promise<void> {
    if (this.names.has(id)) this.names.set(id, name);
  }
}

export class FakeProductCache implements ProductCache {
  readonly products = new Map<string, CachedProduct>();
  readonly fallbacks: string[] = [];

  async find(id: string): Promise<CachedProduct | undefined> {
    return this.products.get(id);
  }
  async added(product: CachedProduct): Promise<void> {
    this.products.set(product.id, product);
  }
  async cacheFallback(product: CachedProduct): Promise<void> {
    this.fallbacks.push(product.id);
    if (!this.products.has(product.id)) this.products.set(product.id, product);
  }
  async rebrand(): Promise<void> {}
  async remove(): Promise<void> {}
}

export class FakeRemoteServices implements CustomersService, StoresService {
  readonly customers = new Map<string, string>();
  readonly stores = new Map<string, string>();
  readonly products = new Map<string, CachedProduct>();
  readonly calls: string[] = [];
  /** When set, every call fails with it. */
  failure: Error | undefined;

  getCustomerName(id: string): Promise<string> {
    return this.answer(`GetCustomer ${id}`, this.customers.get(id));
  }
  getStoreName(id: string): Promise<string> {
    return this.answer(`GetStore ${id}`, this.stores.get(id));
  }
  getProduct(id: string): Promise<CachedProduct> {
    return this.answer(`GetProduct ${id}`, this.products.get(id));
  }

  private async answer<T>(call: string, value: T | undefined): Promise<T> {
    this.calls.push(call);
    if (this.failure) throw this.failure;
    if (value === undefined) throw new NotFoundError(`${call} does not exist`);
    return value;
  }
}
