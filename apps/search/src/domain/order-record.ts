import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { OrderStatus } from './order-status.js';

/** One line of a searchable order, with the names resolved when the order was projected. */
export interface OrderLine {
  readonly productId: string;
  readonly storeId: string;
  readonly productName: string;
  readonly storeName: string;
  readonly price: Money;
  readonly quantity: number;
}

/** A row of the search read model (requirements I02, I03). */
export interface OrderRecord {
  readonly orderId: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly paymentId: string;
  readonly items: readonly OrderLine[];
  readonly total: Money;
  readonly status: OrderStatus;
  /** When ordering created the order (the OrderCreated event's time; the reference wrote the zero time, §14.1 item 13). */
  readonly createdAt: Date;
}

/** ordersapi.OrderCreated as the projection needs it (prices are the wire's decimals). */
export interface CreatedOrder {
  readonly id: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: ReadonlyArray<{ readonly productId: string; readonly storeId: string; readonly price: number; readonly quantity: number }>;
  readonly occurredAt: Date;
}

/** Names looked up for the order (caches, then the owning services). Unknown ones are ''. */
export interface ResolvedNames {
  readonly customerName: string;
  product(productId: string): { readonly name: string; readonly storeId: string } | undefined;
  storeName(storeId: string): string;
}

/**
 * The record OrderCreated projects: lines denormalised with product and store names, the exact total
 * (Σ price × quantity in cents) and status pending. The line's store is the one the order names; the product's own
 * store only fills in a blank one. A payload no order can have (blank id, a fractional or negative quantity, a price
 * with fractions of a cent) is refused with InvalidArgumentError, so it is dead-lettered instead of retried.
 */
export function recordOfCreatedOrder(order: CreatedOrder, names: ResolvedNames): OrderRecord {
  if (!order.id.trim()) throw new InvalidArgumentError('the order id cannot be blank');
  const items = order.items.map((item): OrderLine => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
      throw new InvalidArgumentError(`the quantity ${item.quantity} of product ${item.productId} is not a positive whole number`);
    }
    const product = names.product(item.productId);
    const storeId = item.storeId || product?.storeId || '';
    return {
      productId: item.productId,
      storeId,
      productName: product?.name ?? '',
      storeName: storeId ? names.storeName(storeId) : '',
      price: Money.fromDecimal(item.price),
      quantity: item.quantity,
    };
  });
  return {
    orderId: order.id,
    customerId: order.customerId,
    customerName: names.customerName,
    paymentId: order.paymentId,
    items,
    total: items.reduce((sum, line) => sum.plus(line.price.times(line.quantity)), Money.zero),
    status: OrderStatus.Pending,
    createdAt: order.occurredAt,
  };
}
