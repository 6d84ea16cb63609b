import type { DomainEvent, Money } from '@mallbots/ddd';

/**
 * Domain events of the Payment aggregate. The reference records none for payments (§3.6); PaymentAuthorized is
 * ours, so the application layer can react to an authorization (audit, metrics) without re-reading the row.
 * Amounts are Money: exact cents, serialized as cents (libs/ddd Money.toJSON).
 */
export const PaymentEventName = {
  PaymentAuthorized: 'payments.PaymentAuthorized',
} as const;

export interface PaymentAuthorizedPayload {
  readonly customerId: string;
  readonly amount: Money;
}

export type PaymentAuthorizedEvent = DomainEvent<PaymentAuthorizedPayload, typeof PaymentEventName.PaymentAuthorized>;

export type PaymentEvent = PaymentAuthorizedEvent;
