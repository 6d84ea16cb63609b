import { MessageRegistry } from '@mallbots/am';
import { CancelShoppingList, CreatedShoppingList, CreateShoppingList, InitiateShopping, ShoppingListCompleted } from '@mallbots/contracts/depot';
import { ProductAdded, ProductRebranded, ProductRemoved, StoreCreated, StoreRebranded } from '@mallbots/contracts/stores';

/** The reference's channels and message names (reference-behaviour §3.4, §4.1): the wire contract of this context. */
export const DepotChannel = {
  ShoppingListEvents: 'mallbots.depot.events.ShoppingList',
  Commands: 'mallbots.depot.commands',
} as const;

export const DepotMessage = {
  ShoppingListCompleted: 'depotapi.ShoppingListCompleted',
  CreateShoppingList: 'depotapi.CreateShoppingListCommand',
  CancelShoppingList: 'depotapi.CancelShoppingListCommand',
  InitiateShopping: 'depotapi.InitiateShoppingCommand',
  CreatedShoppingList: 'depotapi.CreatedShoppingListReply',
} as const;

/** What depot consumes from Stores (only what its caches keep: no price events, N04). */
export const StoresChannel = {
  Store: 'mallbots.stores.events.Store',
  Product: 'mallbots.stores.events.Product',
} as const;

export const StoresMessage = {
  StoreCreated: 'storesapi.StoreCreated',
  StoreRebranded: 'storesapi.StoreRebranded',
  ProductAdded: 'storesapi.ProductAdded',
  ProductRebranded: 'storesapi.ProductRebranded',
  ProductRemoved: 'storesapi.ProductRemoved',
} as const;

/** Durable groups (§4.2), one per consuming module and channel. */
export const DepotConsumer = {
  Commands: 'depot-commands',
  Stores: 'depot-stores',
  Products: 'depot-products',
} as const;

export function depotRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(DepotMessage.ShoppingListCompleted, ShoppingListCompleted)
    .register(DepotMessage.CreateShoppingList, CreateShoppingList)
    .register(DepotMessage.CancelShoppingList, CancelShoppingList)
    .register(DepotMessage.InitiateShopping, InitiateShopping)
    .register(DepotMessage.CreatedShoppingList, CreatedShoppingList)
    .register(StoresMessage.StoreCreated, StoreCreated)
    .register(StoresMessage.StoreRebranded, StoreRebranded)
    .register(StoresMessage.ProductAdded, ProductAdded)
    .register(StoresMessage.ProductRebranded, ProductRebranded)
    .register(StoresMessage.ProductRemoved, ProductRemoved);
}
