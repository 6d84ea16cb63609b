import type { Product, Store } from './catalog.values.js';
import { checkQuantity } from './order-line.value.js';
import { ShoppingListErrors } from './shopping-list.errors.js';

export interface StopItem {
  readonly name: string;
  readonly quantity: number;
}

/** The products to pick up at one store, keyed by product id (the proto's depotpb.Stop). */
export interface Stop {
  readonly storeName: string;
  readonly storeLocation: string;
  readonly items: Readonly<Record<string, StopItem>>;
}

/** Keyed by store id: one stop per store, so the bot visits every store once in one trip (G05). */
export type Stops = Readonly<Record<string, Stop>>;

/**
 * The stops with one more line. A product that is already on the stop gets the quantities added (the reference kept
 * the first quantity and dropped the rest, §14.4 item 37). The product must be the store's.
 */
export function withItem(stops: Stops, store: Store, product: Product, quantity: number): Stops {
  checkQuantity(quantity);
  if (product.storeId !== store.id) throw ShoppingListErrors.productNotAtStore(product.id, store.id);
  const stop: Stop = stops[store.id] ?? { storeName: store.name, storeLocation: store.location, items: {} };
  const total = (stop.items[product.id]?.quantity ?? 0) + quantity;
  checkQuantity(total);
  return { ...stops, [store.id]: { ...stop, items: { ...stop.items, [product.id]: { name: product.name, quantity: total } } } };
}
