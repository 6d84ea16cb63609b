import { Money } from '@mallbots/ddd';
import { invalidOrder, OrderErrorMessages } from './order.errors.js';

/** An order line as the basket handed it over at checkout. */
export interface OrderItemProps {
  readonly productId: string;
  readonly storeId: string;
  /** Secondhand copies of the catalogue names (requirements §1.7): shown with the order, never looked up again. */
  readonly storeName: string;
  readonly productName: string;
  readonly price: Money;
  readonly quantity: number;
}

/** How an item is stored in events and snapshots: the price in integer cents, exact (architecture §4.9). */
export interface OrderItemJson {
  readonly productId: string;
  readonly storeId: string;
  readonly storeName: string;
  readonly productName: string;
  readonly price: number;
  readonly quantity: number;
}

/** An immutable order line (value object): equal to another when every field is. */
export class OrderItem implements OrderItemProps {
  readonly productId: string;
  readonly storeId: string;
  readonly storeName: string;
  readonly productName: string;
  readonly price: Money;
  readonly quantity: number;

  private constructor(props: OrderItemProps) {
    this.productId = props.productId;
    this.storeId = props.storeId;
    this.storeName = props.storeName;
    this.productName = props.productName;
    this.price = props.price;
    this.quantity = props.quantity;
    Object.freeze(this);
  }

  /**
   * A new, validated line. `field` names the line in error details (e.g. `items[2]`). The reference checked nothing
   * here; a zero quantity or a negative price would otherwise reach the invoice (reference-behaviour §14.4 item 37).
   */
  static create(props: OrderItemProps, field = 'item'): OrderItem {
    if (isBlank(props.productId)) throw invalidOrder(OrderErrorMessages.blankProductId, `${field}.productId`);
    if (isBlank(props.storeId)) throw invalidOrder(OrderErrorMessages.blankStoreId, `${field}.storeId`);
    if (!Number.isSafeInteger(props.quantity) || props.quantity < 1) throw invalidOrder(OrderErrorMessages.badQuantity, `${field}.quantity`);
    if (props.price.isNegative()) throw invalidOrder(OrderErrorMessages.negativePrice, `${field}.price`);
    return new OrderItem(props);
  }

  /**
   * Rebuilds a stored line without re-validating it: stored events are facts, and a rule added later must not make
   * old orders unloadable (requirements M04).
   */
  static fromJson(json: OrderItemJson): OrderItem {
    return new OrderItem({ ...json, price: Money.ofCents(json.price) });
  }

  /** price × quantity, exact. */
  subtotal(): Money {
    return this.price.times(this.quantity);
  }

  equals(other: OrderItem): boolean {
    return (
      this.productId === other.productId &&
      this.storeId === other.storeId &&
      this.storeName === other.storeName &&
      this.productName === other.productName &&
      this.price.equals(other.price) &&
      this.quantity === other.quantity
    );
  }

  toJSON(): OrderItemJson {
    return {
      productId: this.productId,
      storeId: this.storeId,
      storeName: this.storeName,
      productName: this.productName,
      price: this.price.cents,
      quantity: this.quantity,
    };
  }
}

/** Σ price × quantity over the lines, exact to the cent. */
export function totalOf(items: readonly OrderItem[]): Money {
  return items.reduce((sum, item) => sum.plus(item.subtotal()), Money.zero);
}

export function isBlank(value: string | undefined | null): boolean {
  return value == null || value.trim() === '';
}
