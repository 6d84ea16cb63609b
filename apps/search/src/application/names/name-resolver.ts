import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundError } from '@mallbots/ddd';
import type { CreatedOrder, ResolvedNames } from '../../domain/index.js';
import { type CachedProduct, CUSTOMER_CACHE, type CustomerCache, PRODUCT_CACHE, type ProductCache, STORE_CACHE, type StoreCache } from '../ports/name-caches.port.js';
import { CUSTOMERS_SERVICE, type CustomersService, STORES_SERVICE, type StoresService } from '../ports/remote-services.port.js';

/**
 * Looks up the names an order shows: the local cache first, then the owning service on a miss (caching its answer;
 * requirement N03), as the reference's OrderCreated handler does (§3.8). Each id is looked up once per order.
 *
 * An id the owning service does not know (NOT_FOUND) gets an empty name: the order is still projected rather than
 * lost, and a CustomerRegistered that arrives later fills the customer name in. An outage (UNAVAILABLE, deadline,
 * open circuit) is rethrown, so the message is redelivered with backoff and, if the outage lasts, dead-lettered
 * (replayable) — it never produces a row with names missing for a transient reason.
 */
@Injectable()
export class NameResolver {
  private readonly logger = new Logger(NameResolver.name);

  constructor(
    @Inject(CUSTOMER_CACHE) private readonly customers: CustomerCache,
    @Inject(STORE_CACHE) private readonly stores: StoreCache,
    @Inject(PRODUCT_CACHE) private readonly products: ProductCache,
    @Inject(CUSTOMERS_SERVICE) private readonly customersService: CustomersService,
    @Inject(STORES_SERVICE) private readonly storesService: StoresService,
  ) {}

  async namesFor(order: CreatedOrder): Promise<ResolvedNames> {
    const customerName = order.customerId ? await this.customerName(order.customerId) : '';
    const products = new Map<string, CachedProduct | undefined>();
    for (const { productId } of order.items) {
      if (!products.has(productId)) products.set(productId, await this.product(productId));
    }
    const storeIds = new Set(order.items.map((item) => item.storeId || products.get(item.productId)?.storeId || '').filter(Boolean));
    const stores = new Map<string, string>();
    for (const storeId of storeIds) stores.set(storeId, await this.storeName(storeId));
    return { customerName, product: (id) => products.get(id), storeName: (id) => stores.get(id) ?? '' };
  }

  private async customerName(id: string): Promise<string> {
    const cached = await this.customers.findName(id);
    if (cached !== undefined) return cached;
    const name = await this.unlessUnknown(`customer ${id}`, () => this.customersService.getCustomerName(id));
    if (name !== undefined) await this.customers.cacheFallback(id, name);
    return name ?? '';
  }

  private async product(id: string): Promise<CachedProduct | undefined> {
    const cached = await this.products.find(id);
    if (cached) return cached;
    const product = await this.unlessUnknown(`product ${id}`, () => this.storesService.getProduct(id));
    if (product) await this.products.cacheFallback(product);
    return product;
  }

  private async storeName(id: string): Promise<string> {
    const cached = await this.stores.findName(id);
    if (cached !== undefined) return cached;
    const name = await this.unlessUnknown(`store ${id}`, () => this.storesService.getStoreName(id));
    if (name !== undefined) await this.stores.cacheFallback(id, name);
    return name ?? '';
  }

  private async unlessUnknown<T>(what: string, lookup: () => Promise<T>): Promise<T | undefined> {
    try {
      return await lookup();
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      this.logger.warn(`${what} is unknown to its owning service; the order shows it without a name`);
      return undefined;
    }
  }
}
