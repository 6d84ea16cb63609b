import type { OnApplicationShutdown } from '@nestjs/common';
import type { GetProductRequest, GetProductResponse, GetStoreRequest, GetStoreResponse } from '@mallbots/contracts/stores';
import { NotFoundError } from '@mallbots/ddd';
import type { CachedProduct } from '../../application/ports/name-caches.port.js';
import type { StoresService } from '../../application/ports/remote-services.port.js';
import { type FallbackClientOptions, FallbackGrpcClient } from './fallback.client.js';

/** storespb.StoresService at RPC_SERVICES[STORES], for store and product names the caches miss. */
export class StoresGrpcClient implements StoresService, OnApplicationShutdown {
  private readonly client: FallbackGrpcClient;

  constructor(address: string, options?: FallbackClientOptions) {
    this.client = new FallbackGrpcClient('stores', address, options);
  }

  async getStoreName(id: string): Promise<string> {
    const { store } = await this.client.call<GetStoreRequest, GetStoreResponse>('getStore', { id });
    if (!store) throw new NotFoundError(`store ${id} not found`);
    return store.name;
  }

  async getProduct(id: string): Promise<CachedProduct> {
    const { product } = await this.client.call<GetProductRequest, GetProductResponse>('getProduct', { id });
    if (!product) throw new NotFoundError(`product ${id} not found`);
    return { id: product.id, storeId: product.storeId, name: product.name };
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
