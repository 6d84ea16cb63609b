import { Money } from '@mallbots/ddd';
import type { ProductView } from '../../application/ports/catalog.repository.port.js';
import type { StoreView } from '../../application/ports/mall.repository.port.js';

// The API's Store and Product as REST and gRPC both send them (storespb.Store / storespb.Product): the same
// lowerCamelCase fields, and prices as decimal numbers as in the reference, converted from and to exact Money here
// and nowhere else.

export interface StoreMessage {
  id: string;
  name: string;
  location: string;
  participating: boolean;
}

export interface ProductMessage {
  id: string;
  storeId: string;
  name: string;
  description: string;
  sku: string;
  price: number;
}

export function toStoreMessage(store: StoreView): StoreMessage {
  return { id: store.id, name: store.name, location: store.location, participating: store.participating };
}

export function toProductMessage(product: ProductView): ProductMessage {
  const { id, storeId, name, description, sku, price } = product;
  return { id, storeId, name, description, sku, price: price.toDecimal() };
}

/**
 * A decimal price from the wire as exact Money. A missing price is 0, as protojson's default was; NaN, infinities
 * and fractions of a cent are refused with InvalidArgument (400); whether a price may be negative is the domain's
 * rule (and text).
 */
export function moneyFromWire(price: number | null | undefined): Money {
  return Money.fromDecimal(price ?? 0);
}
