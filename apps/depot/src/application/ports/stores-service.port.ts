import type { Product, Store } from '../../domain/index.js';

export const STORES_SERVICE = Symbol.for('depot.StoresService');

/**
 * The Stores service, asked only when a cache misses (reference-behaviour §3.4). The reference dialled the depot's
 * own gRPC address here (§14.1 item 10); the adapter dials RPC_SERVICES[STORES]. Failures are typed DomainErrors:
 * NotFoundError when Stores does not know the id, UnavailableError when it cannot be reached in time (deadline) or
 * its circuit is open.
 */
export interface StoresService {
  getStore(id: string): Promise<Store>;
  getProduct(id: string): Promise<Product>;
}
