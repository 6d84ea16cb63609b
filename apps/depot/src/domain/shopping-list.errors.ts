import { FailedPreconditionError, InvalidArgumentError } from '@mallbots/ddd';
import type { ShoppingListAction, ShoppingListStatus } from './shopping-list-status.js';

/** The reference's texts for a refused transition ("the shopping list cannot be canceled", …). */
const refusal: Readonly<Record<ShoppingListAction, string>> = {
  cancel: 'the shopping list cannot be canceled',
  initiate: 'the shopping list cannot be initiated',
  assign: 'the shopping list cannot be assigned',
  complete: 'the shopping list cannot be completed',
};

/**
 * A transition the list's status does not allow: the FailedPrecondition kind (HTTP 400 with body code 3, as the
 * reference sends it; a Failure reply to a saga command). Carries the action and the status it was refused in, for
 * logs and tests; the text stays the reference's.
 */
export class ShoppingListStatusError extends FailedPreconditionError {
  constructor(
    readonly action: ShoppingListAction,
    readonly status: ShoppingListStatus,
  ) {
    super(refusal[action], [{ reason: `status is ${status}` }]);
  }
}

/** Input that can never make a shopping list (HTTP 400 / gRPC INVALID_ARGUMENT). */
export const ShoppingListErrors = {
  idBlank: () => new InvalidArgumentError('the shopping list id cannot be blank'),
  orderIdBlank: () => new InvalidArgumentError('the order id cannot be blank'),
  noItems: () => new InvalidArgumentError('the shopping list has no items'),
  tooManyItems: (max: number) => new InvalidArgumentError(`the shopping list has more than ${max} items`),
  productIdBlank: () => new InvalidArgumentError('the product id cannot be blank'),
  storeIdBlank: () => new InvalidArgumentError('the store id cannot be blank'),
  quantityNotPositive: () => new InvalidArgumentError('the item quantity must be a positive whole number'),
  quantityTooLarge: () => new InvalidArgumentError('the item quantity is too large'),
  productNotAtStore: (productId: string, storeId: string) => new InvalidArgumentError(`product ${productId} is not sold by store ${storeId}`),
  botIdBlank: () => new InvalidArgumentError('the bot id cannot be blank'),
} as const;
