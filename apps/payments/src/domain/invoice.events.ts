import type { DomainEvent, Money } from '@mallbots/ddd';

/**
 * Domain events of the Invoice aggregate. `payments.InvoicePaid` is the reference's name (§3.6, Appendix B); it
 * becomes the integration event `paymentsapi.InvoicePaid{id, order_id}`, which ordering needs to complete the order
 * (requirements §6.4). The others are ours. The invoice id is not repeated in the payloads: every event carries it
 * as its `aggregate-id` metadata (libs/ddd AggregateRoot). Order and payment ids are, so handlers need no lookup.
 */
export const InvoiceEventName = {
  InvoiceCreated: 'payments.InvoiceCreated',
  InvoiceAdjusted: 'payments.InvoiceAdjusted',
  InvoicePaid: 'payments.InvoicePaid',
  InvoiceCanceled: 'payments.InvoiceCanceled',
} as const;

export interface InvoiceCreatedPayload {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
}

export interface InvoiceAdjustedPayload {
  readonly amount: Money;
}

export interface InvoicePaidPayload {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
}

export interface InvoiceCanceledPayload {
  readonly orderId: string;
  readonly paymentId: string;
}

export type InvoiceCreatedEvent = DomainEvent<InvoiceCreatedPayload, typeof InvoiceEventName.InvoiceCreated>;
export type InvoiceAdjustedEvent = DomainEvent<InvoiceAdjustedPayload, typeof InvoiceEventName.InvoiceAdjusted>;
export type InvoicePaidEvent = DomainEvent<InvoicePaidPayload, typeof InvoiceEventName.InvoicePaid>;
export type InvoiceCanceledEvent = DomainEvent<InvoiceCanceledPayload, typeof InvoiceEventName.InvoiceCanceled>;

export type InvoiceEvent = InvoiceCreatedEvent | InvoiceAdjustedEvent | InvoicePaidEvent | InvoiceCanceledEvent;
