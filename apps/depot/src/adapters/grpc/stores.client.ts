import type { GetProductRequest, GetProductResponse, GetStoreRequest, GetStoreResponse } from '@mallbots/contracts/stores';
import { NotFoundError } from '@mallbots/ddd';
import { ResilientGrpcClient, type ResilientGrpcClientOptions } from '@mallbots/platform';
import type { StoresService } from '../../application/ports/stores-service.port.js';
import type { Product, Store } from '../../domain/index.js';

/**
 * The StoresService client of the cache fallbacks (reference-behaviour §3.4). The reference's depot dialled its own
 * gRPC address here (§14.1 item 10), so every cache miss failed with Unimplemented in microservice mode; this client
 * dials RPC_SERVICES[STORES]. It is a ResilientGrpcClient (libs/platform): one channel instead of the reference's
 * connection per lookup without deadline (§14.5 item 44), a deadline per call, one retry of an unreachable call
 * (GetStore/GetProduct are idempotent reads), a circuit breaker, typed errors, closed on shutdown. What is depot's
 * own: a store keeps its location, a product drops its price.
 */
export class StoresGrpcClient extends ResilientGrpcClient implements StoresService {
  constructor(address: string, options?: ResilientGrpcClientOptions) {
    super('stores', address, options);
  }

  async getStore(id: string): Promise<Store> {
    const { store } = await this.call<GetStoreRequest, GetStoreResponse>('getStore', { id });
    if (!store) throw new NotFoundError(`store ${id} not found`);
    return { id: store.id, name: store.name, location: store.location };
  }

  async getProduct(id: string): Promise<Product> {
    const { product } = await this.call<GetProductRequest, GetProductResponse>('getProduct', { id });
    if (!product) throw new NotFoundError(`product ${id} not found`);
    return { id: product.id, storeId: product.storeId, name: product.name };
  }
}
