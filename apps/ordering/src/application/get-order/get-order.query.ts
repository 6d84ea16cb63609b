import { Query } from '@nestjs/cqrs';
import type { OrderStatus } from '../../domain/index.js';

/** An order line for readers: the price as the wire's decimal amount. */
export interface OrderItemView {
  readonly storeId: string;
  readonly productId: string;
  readonly storeName: string;
  readonly productName: string;
  readonly price: number;
  readonly quantity: number;
}

export interface OrderView {
  readonly id: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: readonly OrderItemView[];
  readonly status: OrderStatus;
  /** The depot's shopping list; '' until the saga approved the order. */
  readonly shoppingId: string;
  /**
   * The order's invoice; '' until the order is ready. From then on it names the invoice payments raises for it (under
   * the order's id), pending until paid; completion records the invoice that was paid.
   */
  readonly invoiceId: string;
}

export class GetOrderQuery extends Query<OrderView> {
  constructor(readonly id: string) {
    super();
  }
}
