import { Money, type DomainEvent } from '@mallbots/ddd';
import type { PayloadSerde } from '@mallbots/es';
import { OrderItem, type OrderItemJson } from './order-item.value.js';

// Event names are the reference's stored names (reference-behaviour §3.5, Appendix B), note "Canceled" with one l.
export const OrderCreatedEvent = 'ordering.OrderCreated';
export const OrderApprovedEvent = 'ordering.OrderApproved';
export const OrderRejectedEvent = 'ordering.OrderRejected';
export const OrderCanceledEvent = 'ordering.OrderCanceled';
export const OrderReadiedEvent = 'ordering.OrderReadied';
export const OrderCompletedEvent = 'ordering.OrderCompleted';

// Payloads never hold the order id (it is the stream id, in the event's metadata). Beyond what changed, they carry
// what the integration events (ordersapi.*) and the saga need, so the handlers that publish those never have to
// load the order again: the customer and payment ids, and the totals.

export interface OrderCreatedPayload {
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: readonly OrderItem[];
  /** Σ price × quantity of `items`; the saga confirms the payment for this amount (requirements E09, J05). */
  readonly total: Money;
}

/** The saga approved the order once the shopping list was handed to the depot. */
export interface OrderApprovedPayload {
  readonly customerId: string;
  readonly paymentId: string;
  readonly shoppingId: string;
}

export interface OrderRejectedPayload {
  readonly customerId: string;
  readonly paymentId: string;
}

export interface OrderCanceledPayload {
  readonly customerId: string;
  readonly paymentId: string;
}

/** All items are collected; payments invoices `total` and notifications tell the customer. */
export interface OrderReadiedPayload {
  readonly customerId: string;
  readonly paymentId: string;
  readonly total: Money;
}

export interface OrderCompletedPayload {
  readonly customerId: string;
  readonly invoiceId: string;
}

export type OrderCreated = DomainEvent<OrderCreatedPayload, typeof OrderCreatedEvent>;
export type OrderApproved = DomainEvent<OrderApprovedPayload, typeof OrderApprovedEvent>;
export type OrderRejected = DomainEvent<OrderRejectedPayload, typeof OrderRejectedEvent>;
export type OrderCanceled = DomainEvent<OrderCanceledPayload, typeof OrderCanceledEvent>;
export type OrderReadied = DomainEvent<OrderReadiedPayload, typeof OrderReadiedEvent>;
export type OrderCompleted = DomainEvent<OrderCompletedPayload, typeof OrderCompletedEvent>;

export type OrderEvent = OrderCreated | OrderApproved | OrderRejected | OrderCanceled | OrderReadied | OrderCompleted;
export type OrderEventName = OrderEvent['name'];

// Stored JSON. Money is kept as integer cents so a replayed total is exactly the raised one; the serdes below turn
// cents back into Money on load, so a loaded event has the same shape as a freshly raised one.

interface OrderCreatedJson {
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: readonly OrderItemJson[];
  readonly total: number;
}

interface OrderReadiedJson {
  readonly customerId: string;
  readonly paymentId: string;
  readonly total: number;
}

export const orderCreatedSerde: PayloadSerde<OrderCreatedPayload> = {
  toJson: (p): OrderCreatedJson => ({ customerId: p.customerId, paymentId: p.paymentId, items: p.items.map((i) => i.toJSON()), total: p.total.cents }),
  fromJson: (data) => {
    const json = data as OrderCreatedJson;
    return { customerId: json.customerId, paymentId: json.paymentId, items: json.items.map((i) => OrderItem.fromJson(i)), total: Money.ofCents(json.total) };
  },
};

export const orderReadiedSerde: PayloadSerde<OrderReadiedPayload> = {
  toJson: (p): OrderReadiedJson => ({ customerId: p.customerId, paymentId: p.paymentId, total: p.total.cents }),
  fromJson: (data) => {
    const json = data as OrderReadiedJson;
    return { customerId: json.customerId, paymentId: json.paymentId, total: Money.ofCents(json.total) };
  },
};
