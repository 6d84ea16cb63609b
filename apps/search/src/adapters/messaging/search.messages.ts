import { MessageRegistry } from '@mallbots/am';
import { CustomerRegistered } from '@mallbots/contracts/customers';
import { OrderApproved, OrderCanceled, OrderCompleted, OrderCreated, OrderReadied, OrderRejected } from '@mallbots/contracts/ordering';
import { ProductAdded, ProductRebranded, ProductRemoved, StoreCreated, StoreRebranded } from '@mallbots/contracts/stores';

/** What search consumes (reference-behaviour §3.8, §4.1). It publishes nothing. */
export const SearchChannel = {
  Customers: 'mallbots.customers.events.Customer',
  Stores: 'mallbots.stores.events.Store',
  Products: 'mallbots.stores.events.Product',
  Orders: 'mallbots.ordering.events.Order',
} as const;

export const SearchMessage = {
  CustomerRegistered: 'customersapi.CustomerRegistered',
  StoreCreated: 'storesapi.StoreCreated',
  StoreRebranded: 'storesapi.StoreRebranded',
  ProductAdded: 'storesapi.ProductAdded',
  ProductRebranded: 'storesapi.ProductRebranded',
  ProductRemoved: 'storesapi.ProductRemoved',
  OrderCreated: 'ordersapi.OrderCreated',
  OrderApproved: 'ordersapi.OrderApproved',
  OrderRejected: 'ordersapi.OrderRejected',
  OrderCanceled: 'ordersapi.OrderCanceled',
  OrderReadied: 'ordersapi.OrderReadied',
  OrderCompleted: 'ordersapi.OrderCompleted',
} as const;

/**
 * The durable groups. The reference consumed order events with notifications' group `notification-orders`, so each
 * order event reached only one of the two services (§14.1 item 9, requirement I08): search has its own.
 */
export const SearchConsumer = {
  Customers: 'search-customers',
  Stores: 'search-stores',
  Products: 'search-products',
  Orders: 'search-orders',
} as const;

export function searchRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(SearchMessage.CustomerRegistered, CustomerRegistered)
    .register(SearchMessage.StoreCreated, StoreCreated)
    .register(SearchMessage.StoreRebranded, StoreRebranded)
    .register(SearchMessage.ProductAdded, ProductAdded)
    .register(SearchMessage.ProductRebranded, ProductRebranded)
    .register(SearchMessage.ProductRemoved, ProductRemoved)
    .register(SearchMessage.OrderCreated, OrderCreated)
    .register(SearchMessage.OrderApproved, OrderApproved)
    .register(SearchMessage.OrderRejected, OrderRejected)
    .register(SearchMessage.OrderCanceled, OrderCanceled)
    .register(SearchMessage.OrderReadied, OrderReadied)
    .register(SearchMessage.OrderCompleted, OrderCompleted);
}
