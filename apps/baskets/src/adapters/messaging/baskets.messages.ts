import { MessageRegistry } from '@mallbots/am';
import { BasketCanceled, BasketCheckedOut, BasketStarted } from '@mallbots/contracts/baskets';
import { ProductAdded, ProductPriceChanged, ProductRebranded, ProductRemoved, StoreCreated, StoreRebranded } from '@mallbots/contracts/stores';

/** The reference's channels and message names (reference-behaviour §4.1, §4.2): the wire contract of this context. */
export const BasketsChannel = {
  Events: 'mallbots.baskets.events.Basket',
} as const;

export const BasketsMessage = {
  BasketStarted: 'basketsapi.BasketStarted',
  BasketCanceled: 'basketsapi.BasketCanceled',
  BasketCheckedOut: 'basketsapi.BasketCheckedOut',
} as const;

/** What baskets consumes from Stores, and the durable groups it consumes them with. */
export const StoresChannel = {
  Store: 'mallbots.stores.events.Store',
  Product: 'mallbots.stores.events.Product',
} as const;

export const StoresMessage = {
  StoreCreated: 'storesapi.StoreCreated',
  StoreRebranded: 'storesapi.StoreRebranded',
  ProductAdded: 'storesapi.ProductAdded',
  ProductRebranded: 'storesapi.ProductRebranded',
  ProductPriceIncreased: 'storesapi.ProductPriceIncreased',
  ProductPriceDecreased: 'storesapi.ProductPriceDecreased',
  ProductRemoved: 'storesapi.ProductRemoved',
} as const;

export const BasketsConsumer = {
  Stores: 'baskets-stores',
  Products: 'baskets-products',
} as const;

export function basketsRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(BasketsMessage.BasketStarted, BasketStarted)
    .register(BasketsMessage.BasketCanceled, BasketCanceled)
    .register(BasketsMessage.BasketCheckedOut, BasketCheckedOut)
    .register(StoresMessage.StoreCreated, StoreCreated)
    .register(StoresMessage.StoreRebranded, StoreRebranded)
    .register(StoresMessage.ProductAdded, ProductAdded)
    .register(StoresMessage.ProductRebranded, ProductRebranded)
    .register(StoresMessage.ProductPriceIncreased, ProductPriceChanged)
    .register(StoresMessage.ProductPriceDecreased, ProductPriceChanged)
    .register(StoresMessage.ProductRemoved, ProductRemoved);
}
