import type { DomainEvent, Money } from '@mallbots/ddd';

/**
 * Domain events of the Product aggregate, named as in the reference (reference-behaviour §3.1). Payloads carry
 * only what changed, never the product id (it comes from the stream metadata `aggregate-id`, M04). Amounts are
 * Money; `product.event-serdes.ts` stores them as whole cents.
 */
export const ProductEventName = {
  Added: 'stores.ProductAdded',
  Rebranded: 'stores.ProductRebranded',
  PriceIncreased: 'stores.ProductPriceIncreased',
  PriceDecreased: 'stores.ProductPriceDecreased',
  Removed: 'stores.ProductRemoved',
} as const;

export interface ProductAddedPayload {
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: Money;
}

export interface ProductRebrandedPayload {
  readonly name: string;
  readonly description: string;
}

/**
 * Price changes are recorded as deltas, as in the reference and the book (requirements B): new price = old price +
 * delta, so consumers that cache prices (baskets, depot, search) can apply the changes in any order. The delta is
 * positive for ProductPriceIncreased and negative for ProductPriceDecreased, never zero.
 */
export interface ProductPriceChangedPayload {
  readonly delta: Money;
}

export type ProductRemovedPayload = Record<string, never>;

export type ProductAdded = DomainEvent<ProductAddedPayload, typeof ProductEventName.Added>;
export type ProductRebranded = DomainEvent<ProductRebrandedPayload, typeof ProductEventName.Rebranded>;
export type ProductPriceIncreased = DomainEvent<ProductPriceChangedPayload, typeof ProductEventName.PriceIncreased>;
export type ProductPriceDecreased = DomainEvent<ProductPriceChangedPayload, typeof ProductEventName.PriceDecreased>;
export type ProductRemoved = DomainEvent<ProductRemovedPayload, typeof ProductEventName.Removed>;

export type ProductEvent = ProductAdded | ProductRebranded | ProductPriceIncreased | ProductPriceDecreased | ProductRemoved;
