import { MessageRegistry } from '@mallbots/am';
import { ProductAdded, ProductPriceChanged, ProductRebranded, ProductRemoved, StoreCreated, StoreParticipationToggled, StoreRebranded } from '@mallbots/contracts/stores';

/** The reference's channels and message names (reference-behaviour §3.1, §4.1): the wire contract of this context. */
export const StoresChannel = {
  Store: 'mallbots.stores.events.Store',
  Product: 'mallbots.stores.events.Product',
} as const;

export const StoresMessage = {
  StoreCreated: 'storesapi.StoreCreated',
  // "Participating" in the name, "Participation" in the type: both as in the reference (§3.1).
  StoreParticipatingToggled: 'storesapi.StoreParticipatingToggled',
  StoreRebranded: 'storesapi.StoreRebranded',
  ProductAdded: 'storesapi.ProductAdded',
  ProductRebranded: 'storesapi.ProductRebranded',
  ProductPriceIncreased: 'storesapi.ProductPriceIncreased',
  ProductPriceDecreased: 'storesapi.ProductPriceDecreased',
  ProductRemoved: 'storesapi.ProductRemoved',
} as const;

/** Stores publishes and consumes nothing else (the reference's only module without consumers). */
export function storesRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(StoresMessage.StoreCreated, StoreCreated)
    .register(StoresMessage.StoreParticipatingToggled, StoreParticipationToggled)
    .register(StoresMessage.StoreRebranded, StoreRebranded)
    .register(StoresMessage.ProductAdded, ProductAdded)
    .register(StoresMessage.ProductRebranded, ProductRebranded)
    .register(StoresMessage.ProductPriceIncreased, ProductPriceChanged)
    .register(StoresMessage.ProductPriceDecreased, ProductPriceChanged)
    .register(StoresMessage.ProductRemoved, ProductRemoved);
}
