import type { GetProductRequest, GetProductResponse, GetStoreRequest, GetStoreResponse } from '@mallbots/contracts/stores';
import { InternalError, Money, NotFoundError } from '@mallbots/ddd';
import { ResilientGrpcClient, type ResilientGrpcClientOptions } from '@mallbots/platform';
import type { RemoteProduct, RemoteStore, StoresService } from '../../application/ports/stores-service.port.js';

/**
 * The StoresService client of the cache fallbacks (reference-behaviour §3.2) at `RPC_SERVICES[STORES]`. Unlike the
 * reference, which dialled a new connection per lookup with no deadline (§14.5 item 44), it is a
 * ResilientGrpcClient (libs/platform): one channel, a deadline per call, one retry of an unreachable call
 * (GetStore/GetProduct are idempotent reads), a circuit breaker so that a failing Stores answers UnavailableError
 * (HTTP 503) at once instead of each request waiting for its deadline in its transaction, typed errors, closed on
 * shutdown. What is baskets' own: the price becomes exact cents (`Money`).
 */
export class StoresGrpcClient extends ResilientGrpcClient implements StoresService {
  constructor(address: string, options?: ResilientGrpcClientOptions) {
    super('stores', address, options);
  }

  async getStore(id: string): Promise<RemoteStore> {
    const { store } = await this.call<GetStoreRequest, GetStoreResponse>('getStore', { id });
    if (!store) throw new NotFoundError(`store ${id} not found`);
    return { id: store.id, name: store.name };
  }

  async getProduct(id: string): Promise<RemoteProduct> {
    const { product } = await this.call<GetProductRequest, GetProductResponse>('getProduct', { id });
    if (!product) throw new NotFoundError(`product ${id} not found`);
    let price: Money;
    try {
      price = Money.fromDecimal(product.price);
    } catch {
      // Stores keeps exact cents too; a price with fractions of a cent is Stores' bug, not the caller's input.
      throw new InternalError(`stores answered product ${id} with the price ${product.price}`);
    }
    return { id: product.id, storeId: product.storeId, name: product.name, price };
  }
}
