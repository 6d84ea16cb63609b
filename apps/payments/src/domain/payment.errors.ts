import { AlreadyExistsError, FailedPreconditionError, NotFoundError } from '@mallbots/ddd';

/**
 * Texts of the payment rules. "payment cannot be confirmed" is the reference's (§3.6); the reference validated
 * nothing else on payments (§14.4 #38), so the other texts are ours, in the reference's style.
 */
export const PaymentErrorText = {
  IdBlank: 'the payment id cannot be blank',
  CustomerIdBlank: 'the customer id cannot be blank',
  AmountNotPositive: 'the payment amount must be greater than zero',
  NotFound: 'payment cannot be confirmed',
  ConfirmAmountNegative: 'the amount to confirm cannot be negative',
  ConfirmAmountExceedsAuthorized: 'the amount to confirm exceeds the authorized amount',
  ConfirmCustomerMismatch: 'the payment was authorized for another customer',
  AlreadyExists: 'the payment already exists with a different customer or amount',
} as const;

/**
 * An unknown payment id. The reference's only lookup is ConfirmPayment, whose NotFound text this keeps; the
 * application layer throws it when its repository finds nothing.
 */
export class PaymentNotFoundError extends NotFoundError {
  constructor(message: string = PaymentErrorText.NotFound) {
    super(message);
  }
}

/** The payment exists but does not cover what is asked of it (the reference never checked, §14.3 #31). */
export class PaymentNotConfirmableError extends FailedPreconditionError {}

/** Authorizing again under a taken id with different data; a true repeat is not an error (F08). */
export class PaymentAlreadyExistsError extends AlreadyExistsError {
  constructor() {
    super(PaymentErrorText.AlreadyExists);
  }
}
