import { ShoppingListErrors } from './shopping-list.errors.js';

/** One line of the order a list is made for: which product, at which store, how many. */
export interface OrderLine {
  readonly productId: string;
  readonly storeId: string;
  readonly quantity: number;
}

/** A bound on one request, so a single command cannot become an unbounded row (§14.6 item 52). */
export const MAX_ORDER_LINES = 100;
/** Quantities travel as protobuf int32. */
export const MAX_QUANTITY = 2_147_483_647;

/**
 * Checks the request before anything is looked up, so bad input is refused as such (400) and never as "store not
 * located". The reference accepted an empty order, zero and negative quantities.
 */
export function checkOrderLines(orderId: string, lines: readonly OrderLine[]): void {
  if (!orderId.trim()) throw ShoppingListErrors.orderIdBlank();
  if (lines.length === 0) throw ShoppingListErrors.noItems();
  if (lines.length > MAX_ORDER_LINES) throw ShoppingListErrors.tooManyItems(MAX_ORDER_LINES);
  for (const line of lines) {
    if (!line.productId.trim()) throw ShoppingListErrors.productIdBlank();
    if (!line.storeId.trim()) throw ShoppingListErrors.storeIdBlank();
    checkQuantity(line.quantity);
  }
}

export function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity <= 0) throw ShoppingListErrors.quantityNotPositive();
  if (quantity > MAX_QUANTITY) throw ShoppingListErrors.quantityTooLarge();
}
