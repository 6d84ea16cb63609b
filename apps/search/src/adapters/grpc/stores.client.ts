import type { GetProductRequest, GetProductResponse, GetStoreRequest, GetStoreResponse } from '@mallbots/contracts/stores';
import { NotFoundError } from '@mallbots/ddd';
import { ResilientGrpcClient, type ResilientGrpcClientOptions } from '@mallbots/platform';
import type { CachedProduct } from '../../application/ports/name-caches.port.js';
import type { StoresService } from '../../application/ports/remote-services.port.js';

/**
 * storespb.StoresService at RPC_SERVICES[STORES], for store and product names the caches miss: a ResilientGrpcClient
 * (deadline, retry, circuit breaker, typed errors; libs/platform) that keeps only the names.
 */
export class StoresGrpcClient extends ResilientGrpcClient implements StoresService {
  constructor(address: string, options?: ResilientGrpcClientOptions) {
    super('stores', address, options);
  }

  async getStoreName(id: string): Promise<string> {
    const { store } = await this.call<GetStoreRequest, GetStoreResponse>('getStore', { id });
    if (!store) throw new NotFoundError(`store ${id} not found`);
    return store.name;
  }

  async getProduct(id: string): Promise<CachedProduct> {
    const { product } = await this.call<GetProductRequest, GetProductResponse>('getProduct', { id });
    if (!product) throw new NotFoundError(`product ${id} not found`);
    return { id: product.id, storeId: product.storeId, name: product.name };
  }
}
