import { MessageRegistry } from '@mallbots/am';
import { ConfirmPayment, InvoicePaid } from '@mallbots/contracts/payments';
import { OrderCanceled, OrderReadied } from '@mallbots/contracts/ordering';

/** The reference's channels and message names (reference-behaviour §4.1, §4.2): the wire contract of this context. */
export const PaymentsChannel = {
  InvoiceEvents: 'mallbots.payments.events.Invoice',
  Commands: 'mallbots.payments.commands',
} as const;

export const PaymentsMessage = {
  InvoicePaid: 'paymentsapi.InvoicePaid',
  ConfirmPayment: 'paymentsapi.ConfirmPayment',
} as const;

/** What payments consumes from ordering. */
export const OrderingChannel = {
  OrderEvents: 'mallbots.ordering.events.Order',
} as const;

export const OrderingMessage = {
  OrderReadied: 'ordersapi.OrderReadied',
  OrderCanceled: 'ordersapi.OrderCanceled',
} as const;

/** Durable groups (§4.2). */
export const PaymentsGroup = {
  Orders: 'payment-orders',
  Commands: 'payment-commands',
} as const;

/** Payments' own messages and the order events it consumes. */
export function paymentsRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(PaymentsMessage.InvoicePaid, InvoicePaid)
    .register(PaymentsMessage.ConfirmPayment, ConfirmPayment)
    .register(OrderingMessage.OrderReadied, OrderReadied)
    .register(OrderingMessage.OrderCanceled, OrderCanceled);
}
