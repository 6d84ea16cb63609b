import { AlreadyExistsError, FailedPreconditionError, InvalidArgumentError, type ErrorDetail } from '@mallbots/ddd';
import type { OrderOperation, OrderStatus } from './order-status.js';

/**
 * Error texts. "the order cannot be recreated", "the order has no items", "the customer id cannot be blank", "the
 * payment id cannot be blank" and "the order cannot be cancelled" are the reference's (clients may match on them);
 * the others follow the same pattern for the guards the reference lacked.
 */
export const OrderErrorMessages = {
  recreated: 'the order cannot be recreated',
  noItems: 'the order has no items',
  blankOrderId: 'the order id cannot be blank',
  blankCustomerId: 'the customer id cannot be blank',
  blankPaymentId: 'the payment id cannot be blank',
  blankShoppingId: 'the shopping id cannot be blank',
  blankInvoiceId: 'the invoice id cannot be blank',
  blankProductId: 'the product id cannot be blank',
  blankStoreId: 'the store id cannot be blank',
  badQuantity: 'the item quantity must be a positive whole number',
  negativePrice: 'the item price cannot be negative',
  cannot: {
    approve: 'the order cannot be approved',
    reject: 'the order cannot be rejected',
    cancel: 'the order cannot be cancelled',
    ready: 'the order cannot be readied',
    complete: 'the order cannot be completed',
  },
} as const;

function statusDetail(status: OrderStatus): ErrorDetail {
  return { field: 'status', reason: status === '' ? 'the order has not been created' : `the order is ${status}` };
}

/**
 * An operation the order's current status does not allow (a FailedPrecondition error: INVALID_ARGUMENT / HTTP 400 on the wire, as the reference). It carries the operation
 * and the status so the application can tell, say, a RejectOrder compensation arriving for an order the customer
 * already cancelled (nothing left to undo) from a real failure. The message stays the short reference-style text;
 * the status goes into `details`.
 */
export class OrderTransitionError extends FailedPreconditionError {
  constructor(
    readonly operation: Exclude<OrderOperation, 'create'>,
    readonly status: OrderStatus,
  ) {
    super(OrderErrorMessages.cannot[operation], [statusDetail(status)]);
  }
}

/**
 * Create on a stream that already has an order. ALREADY_EXISTS (409) rather than the reference's 400: it is a
 * duplicate, which a BasketCheckedOut redelivery can cause, and the application may treat it as done.
 */
export function orderAlreadyCreated(status: OrderStatus): AlreadyExistsError {
  return new AlreadyExistsError(OrderErrorMessages.recreated, [statusDetail(status)]);
}

export function invalidOrder(message: string, field: string): InvalidArgumentError {
  return new InvalidArgumentError(message, [{ field, reason: message }]);
}
