import { InvalidArgumentError, Money } from '@mallbots/ddd';

/** One order line as the saga needs it: what to shop for (depot) and what it costs (payments). */
export interface OrderLine {
  readonly productId: string;
  readonly storeId: string;
  /** Decimal, as on the wire (9.99). */
  readonly price: number;
  readonly quantity: number;
}

/**
 * The create-order saga's data (requirements §1.12, J05), persisted as JSON in the saga row after every step.
 * `shoppingId` is set by the CreatedShoppingList reply; `total` is Σ quantity × price, summed exactly in cents.
 */
export interface CreateOrderData {
  readonly orderId: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly shoppingId?: string;
  readonly items: readonly OrderLine[];
  /** Decimal (what ConfirmPayment carries), computed from whole cents so it never drifts. */
  readonly total: number;
}

/** What an OrderCreated event says about the order (the fields the saga uses). */
export interface CreatedOrder {
  readonly id: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: readonly OrderLine[];
}

/**
 * The saga data for a new order. Refuses (InvalidArgument) an order the saga could never run: no id, customer or
 * payment, no items, a quantity that is not a positive whole number, or a price that is negative or has fractions
 * of a cent — retrying such an event cannot help, so its consumer dead-letters it at once.
 */
export function createOrderData(order: CreatedOrder): CreateOrderData {
  for (const [field, value] of [
    ['order id', order.id],
    ['customer id', order.customerId],
    ['payment id', order.paymentId],
  ] as const) {
    if (!value?.trim()) throw new InvalidArgumentError(`the ${field} cannot be blank`);
  }
  if (order.items.length === 0) throw new InvalidArgumentError(`order ${order.id} has no items`);
  let total = Money.zero;
  for (const item of order.items) {
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) throw new InvalidArgumentError(`the quantity ${item.quantity} of product ${item.productId} is not a positive whole number`);
    const price = Money.fromDecimal(item.price);
    if (price.isNegative()) throw new InvalidArgumentError(`the price ${item.price} of product ${item.productId} is negative`);
    total = total.plus(price.times(item.quantity));
  }
  return {
    orderId: order.id,
    customerId: order.customerId,
    paymentId: order.paymentId,
    items: order.items.map(({ productId, storeId, price, quantity }) => ({ productId, storeId, price, quantity })),
    total: total.toDecimal(),
  };
}
