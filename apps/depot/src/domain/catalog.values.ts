import { ShoppingListErrors } from './shopping-list.errors.js';

/**
 * What a shopping list needs to know about a store: the name and the location a bot drives to (G08: the depot's
 * store cache keeps the location). Names and locations are Stores' display data and are not validated here.
 */
export interface Store {
  readonly id: string;
  readonly name: string;
  readonly location: string;
}

/** What a shopping list needs to know about a product: its store and name. No price: the depot never charges (N04). */
export interface Product {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
}

export function storeOf(props: Store): Store {
  if (!props.id.trim()) throw ShoppingListErrors.storeIdBlank();
  return Object.freeze({ id: props.id, name: props.name, location: props.location });
}

export function productOf(props: Product): Product {
  if (!props.id.trim()) throw ShoppingListErrors.productIdBlank();
  if (!props.storeId.trim()) throw ShoppingListErrors.storeIdBlank();
  return Object.freeze({ id: props.id, storeId: props.storeId, name: props.name });
}
