import { MessageRegistry } from '@mallbots/am';
import { CustomerDisabled, CustomerEnabled, CustomerRegistered, CustomerSmsChanged } from '@mallbots/contracts/customers';
import { OrderCanceled, OrderCreated, OrderReadied, OrderRejected } from '@mallbots/contracts/ordering';

/** What notifications consumes (reference-behaviour §3.7, §4.1). It publishes nothing. */
export const CustomersChannel = { Events: 'mallbots.customers.events.Customer' } as const;
export const OrderingChannel = { Events: 'mallbots.ordering.events.Order' } as const;

export const CustomersMessage = {
  CustomerRegistered: 'customersapi.CustomerRegistered',
  CustomerSmsChanged: 'customersapi.CustomerSmsChanged',
  CustomerEnabled: 'customersapi.CustomerEnabled',
  CustomerDisabled: 'customersapi.CustomerDisabled',
} as const;

export const OrderingMessage = {
  OrderCreated: 'ordersapi.OrderCreated',
  OrderReadied: 'ordersapi.OrderReadied',
  OrderCanceled: 'ordersapi.OrderCanceled',
  OrderRejected: 'ordersapi.OrderRejected',
} as const;

/**
 * Durable groups: the reference's names (§3.7, requirements 1.10). They belong to notifications alone — the
 * reference's search also used `notification-orders`, so each order event reached only one of the two (§14.1 #9);
 * search takes a name of its own (`search-orders`), as §14.12 advises.
 */
export const NotificationsGroup = {
  Customers: 'notification-customers',
  Orders: 'notification-orders',
} as const;

export function notificationsRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(CustomersMessage.CustomerRegistered, CustomerRegistered)
    .register(CustomersMessage.CustomerSmsChanged, CustomerSmsChanged)
    .register(CustomersMessage.CustomerEnabled, CustomerEnabled)
    .register(CustomersMessage.CustomerDisabled, CustomerDisabled)
    .register(OrderingMessage.OrderCreated, OrderCreated)
    .register(OrderingMessage.OrderReadied, OrderReadied)
    .register(OrderingMessage.OrderCanceled, OrderCanceled)
    .register(OrderingMessage.OrderRejected, OrderRejected);
}
