import { MessageRegistry } from '@mallbots/am';
import { BasketCheckedOut } from '@mallbots/contracts/baskets';
import { ShoppingListCompleted } from '@mallbots/contracts/depot';
import { ApproveOrder, OrderApproved, OrderCanceled, OrderCompleted, OrderCreated, OrderReadied, OrderRejected, RejectOrder } from '@mallbots/contracts/ordering';
import { InvoicePaid } from '@mallbots/contracts/payments';

/** The reference's channels (reference-behaviour §4.1): this context's own, and the ones it consumes. */
export const OrderingChannel = {
  Events: 'mallbots.ordering.events.Order',
  Commands: 'mallbots.ordering.commands',
  BasketEvents: 'mallbots.baskets.events.Basket',
  ShoppingListEvents: 'mallbots.depot.events.ShoppingList',
  InvoiceEvents: 'mallbots.payments.events.Invoice',
} as const;

/** Wire names: note the prefix "ordersapi." (not "orderingapi."), as in the reference. */
export const OrderingMessage = {
  OrderCreated: 'ordersapi.OrderCreated',
  OrderApproved: 'ordersapi.OrderApproved',
  OrderRejected: 'ordersapi.OrderRejected',
  OrderCanceled: 'ordersapi.OrderCanceled',
  OrderReadied: 'ordersapi.OrderReadied',
  OrderCompleted: 'ordersapi.OrderCompleted',
  RejectOrder: 'ordersapi.RejectOrder',
  ApproveOrder: 'ordersapi.ApproveOrder',
  BasketCheckedOut: 'basketsapi.BasketCheckedOut',
  ShoppingListCompleted: 'depotapi.ShoppingListCompleted',
  InvoicePaid: 'paymentsapi.InvoicePaid',
} as const;

/**
 * Durable consumer groups (§4.2). `ordering-payments` is new: the reference never subscribed to InvoicePaid
 * (§14.1 item 4), so orders could not be completed.
 */
export const OrderingGroup = {
  Baskets: 'ordering-baskets',
  Depot: 'ordering-depot',
  Payments: 'ordering-payments',
  Commands: 'ordering-commands',
} as const;

/** Everything this service sends and receives, with its ts-proto codec. */
export function orderingRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(OrderingMessage.OrderCreated, OrderCreated)
    .register(OrderingMessage.OrderApproved, OrderApproved)
    .register(OrderingMessage.OrderRejected, OrderRejected)
    .register(OrderingMessage.OrderCanceled, OrderCanceled)
    .register(OrderingMessage.OrderReadied, OrderReadied)
    .register(OrderingMessage.OrderCompleted, OrderCompleted)
    .register(OrderingMessage.RejectOrder, RejectOrder)
    .register(OrderingMessage.ApproveOrder, ApproveOrder)
    .register(OrderingMessage.BasketCheckedOut, BasketCheckedOut)
    .register(OrderingMessage.ShoppingListCompleted, ShoppingListCompleted)
    .register(OrderingMessage.InvoicePaid, InvoicePaid);
}
