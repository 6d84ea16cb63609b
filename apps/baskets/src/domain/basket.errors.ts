import { FailedPreconditionError, InvalidArgumentError } from '@mallbots/ddd';

/**
 * Every expected failure of the Basket model, in one place so the texts stay exactly the reference's where it has
 * one (reference-behaviour §3.2; the REST pact asserts "the item quantity cannot be negative", requirement C03).
 * Bad input is InvalidArgument; an operation the basket's status forbids is FailedPrecondition. Both are HTTP 400,
 * like the reference's BadRequest; only the gRPC code tells them apart.
 *
 * Texts marked "own" have no counterpart in the reference.
 */
export const BasketErrors = {
  basketIdBlank: () => new InvalidArgumentError('the basket id cannot be blank'),
  customerIdBlank: () => new InvalidArgumentError('the customer id cannot be blank'),
  paymentIdBlank: () => new InvalidArgumentError('the payment id cannot be blank'),
  cannotBeModified: () => new FailedPreconditionError('the basket cannot be modified'),
  // The reference spells the status "canceled" but this message "cancelled"; clients match the message, so keep it.
  cannotBeCancelled: () => new FailedPreconditionError('the basket cannot be cancelled'),
  noItems: () => new FailedPreconditionError('the basket has no items'),
  quantityNegative: () => new InvalidArgumentError('the item quantity cannot be negative'),
  /** own: the reference accepted 0 and recorded an event that changed nothing (§14.4 item 37). */
  quantityZero: () => new InvalidArgumentError('the item quantity cannot be zero'),
  /** own: quantities are int32 on the wire; 1.5 items cannot be picked by a bot. */
  quantityNotWhole: () => new InvalidArgumentError('the item quantity must be a whole number'),
  /** own */
  storeIdBlank: () => new InvalidArgumentError('the store id cannot be blank'),
  /** own */
  productIdBlank: () => new InvalidArgumentError('the product id cannot be blank'),
  /** own: a negative price would make the basket total (and the payment to authorise) shrink. */
  productPriceNegative: () => new InvalidArgumentError('the product price cannot be negative'),
  /** own: a line with one store's name and another store's product would send the bot to the wrong shop. */
  productNotInStore: () => new InvalidArgumentError('the product does not belong to the store'),
} as const;
