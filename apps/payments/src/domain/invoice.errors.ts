import { AlreadyExistsError, FailedPreconditionError, NotFoundError } from '@mallbots/ddd';
import type { InvoiceStatus } from './invoice-status.js';

/**
 * Texts of the invoice rules. "invoice cannot be paid for" is the reference's (§3.6). The reference reused it for
 * cancel (a copy-paste, §14.4 #38) and had no adjust check and no not-found text, so those texts are ours, as are
 * the argument texts (modelled on the reference's "the payment id cannot be blank").
 */
export const InvoiceErrorText = {
  IdBlank: 'the invoice id cannot be blank',
  OrderIdBlank: 'the order id cannot be blank',
  PaymentIdBlank: 'the payment id cannot be blank',
  AmountNegative: 'the invoice amount cannot be negative',
  CannotBePaid: 'invoice cannot be paid for',
  CannotBeCanceled: 'invoice cannot be canceled',
  CannotBeAdjusted: 'invoice cannot be adjusted',
  NotFound: 'invoice not found',
  AlreadyExists: 'the invoice already exists for another order or payment',
} as const;

/** The reference answered unknown invoice ids with a raw "no rows" 500 (§14.4 #34); ours is a 404. */
export class InvoiceNotFoundError extends NotFoundError {
  constructor() {
    super(InvoiceErrorText.NotFound);
  }
}

/**
 * Refusals because of the invoice's status. They carry the status so callers can tell "already final" cases apart
 * without parsing the text. FailedPrecondition is HTTP 400, as the reference's BadRequest was.
 */
export class InvoiceCannotBePaidError extends FailedPreconditionError {
  constructor(readonly status: InvoiceStatus) {
    super(InvoiceErrorText.CannotBePaid);
  }
}

export class InvoiceCannotBeCanceledError extends FailedPreconditionError {
  constructor(readonly status: InvoiceStatus) {
    super(InvoiceErrorText.CannotBeCanceled);
  }
}

export class InvoiceCannotBeAdjustedError extends FailedPreconditionError {
  constructor(readonly status: InvoiceStatus) {
    super(InvoiceErrorText.CannotBeAdjusted);
  }
}

/** Creating again under a taken id for another order or payment; a true repeat is not an error. */
export class InvoiceAlreadyExistsError extends AlreadyExistsError {
  constructor() {
    super(InvoiceErrorText.AlreadyExists);
  }
}
