import { Money } from '@mallbots/ddd';
import { BasketErrors } from './basket.errors.js';
import type { Product } from './product.value.js';
import type { Store } from './store.value.js';

/**
 * The stored (event and snapshot) form of a line. `price` is in cents, the convention of `Money.toJSON` across the
 * workspace, so a stored line never carries a float (§14.4 item 39). Adapters convert to the reference's decimal
 * `price` on the wire.
 */
export interface BasketItemJson {
  readonly storeId: string;
  readonly storeName: string;
  readonly productId: string;
  readonly productName: string;
  readonly price: number;
  readonly quantity: number;
}

/**
 * Refuses a quantity that cannot be added or removed. The negative case keeps the reference's text and comes first,
 * so a negative fraction such as -1.5 still answers with it (the pact only sends whole numbers, but one message per
 * sign is easier to reason about).
 */
export function assertItemQuantity(quantity: number): void {
  if (quantity < 0) throw BasketErrors.quantityNegative();
  if (!Number.isSafeInteger(quantity)) throw BasketErrors.quantityNotWhole();
  if (quantity === 0) throw BasketErrors.quantityZero();
}

/**
 * One basket line: a product of a store with the names and price it had when first added, and a quantity.
 * Immutable: quantity changes produce a new line, so a line held by an event payload can never change under it.
 */
export class BasketItem {
  private constructor(
    readonly storeId: string,
    readonly storeName: string,
    readonly productId: string,
    readonly productName: string,
    readonly price: Money,
    readonly quantity: number,
  ) {
    Object.freeze(this);
  }

  /** A new line for `quantity` units of `product`, which must be sold by `store`. */
  static of(store: Store, product: Product, quantity: number): BasketItem {
    assertItemQuantity(quantity);
    if (product.storeId !== store.id) throw BasketErrors.productNotInStore();
    return new BasketItem(store.id, store.name, product.id, product.name, product.price, quantity);
  }

  /** Rebuilds a line from stored data; stored data was validated when it was raised, so only its shape is checked. */
  static fromJson(json: BasketItemJson): BasketItem {
    return new BasketItem(json.storeId, json.storeName, json.productId, json.productName, Money.ofCents(json.price), json.quantity);
  }

  withQuantity(quantity: number): BasketItem {
    return new BasketItem(this.storeId, this.storeName, this.productId, this.productName, this.price, quantity);
  }

  /** price × quantity, exact. */
  total(): Money {
    return this.price.times(this.quantity);
  }

  toJSON(): BasketItemJson {
    const { storeId, storeName, productId, productName, quantity } = this;
    return { storeId, storeName, productId, productName, price: this.price.cents, quantity };
  }
}
