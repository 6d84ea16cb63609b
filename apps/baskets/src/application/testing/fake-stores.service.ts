// Test support: a StoresService whose answers the test sets, recording every call.
import { NotFoundError } from '@mallbots/ddd';
import type { RemoteProduct, RemoteStore, StoresService } from '../ports/stores-service.port.js';

export class FakeStoresService implements StoresService {
  readonly stores = new Map<string, RemoteStore>();
  readonly products = new Map<string, RemoteProduct>();
  readonly calls: string[] = [];
  /** When set, every call fails with it. */
  failure: Error | undefined;

  async getStore(id: string): Promise<RemoteStore> {
    this.calls.push(`GetStore ${id}`);
    if (this.failure) throw this.failure;
    const store = this.stores.get(id);
    if (!store) throw new NotFoundError('store with that ID does not exist');
    return store;
  }

  async getProduct(id: string): Promise<RemoteProduct> {
    this.calls.push(`GetProduct ${id}`);
    if (this.failure) throw this.failure;
    const product = this.products.get(id);
    if (!product) throw new NotFoundError('product with that ID does not exist');
    return product;
  }
}
