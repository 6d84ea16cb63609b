import type { Money } from '@mallbots/ddd';

export const STORES_SERVICE = Symbol.for('baskets.StoresService');

export interface RemoteStore {
  readonly id: string;
  readonly name: string;
}

export interface RemoteProduct {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
  readonly price: Money;
}

/**
 * The Stores service, asked only when a cache misses (reference-behaviour §3.2). Failures are typed DomainErrors:
 * NotFoundError when Stores does not know the id, UnavailableError when it cannot be reached in time (deadline)
 * or its circuit is open.
 */
export interface StoresService {
  getStore(id: string): Promise<RemoteStore>;
  getProduct(id: string): Promise<RemoteProduct>;
}
