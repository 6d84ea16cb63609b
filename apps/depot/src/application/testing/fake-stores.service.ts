// Test support: a StoresService whose answers the test sets, recording every call.
import { NotFoundError } from '@mallbots/ddd';
import type { Product, Store } from '../../domain/index.js';
import type { StoresService } from '../ports/stores-service.port.js';

export class FakeStoresService implements StoresService {
  readonly stores = new Map<string, Store>();
  readonly products = new Map<string, Product>();
  readonly calls: string[] = [];
  /** When set, every call fails with it. */
  failure: Error | undefined;

  async getStore(id: string): Promise<Store> {
    return this.answer(`GetStore ${id}`, this.stores.get(id), 'store with that ID does not exist');
  }

  async getProduct(id: string): Promise<Product> {
    return this.answer(`GetProduct ${id}`, this.products.get(id), 'product with that ID does not exist');
  }

  private answer<T>(call: string, found: T | undefined, notFound: string): T {
    this.calls.push(call);
    if (this.failure) throw this.failure;
    if (!found) throw new NotFoundError(notFound);
    return found;
  }
}
