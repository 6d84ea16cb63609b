import { Command } from '@nestjs/cqrs';

/** An order line as the wire carries it: the price is a decimal amount (9.99), converted to exact Money here. */
export interface CreateOrderItem {
  readonly productId: string;
  readonly storeId: string;
  readonly storeName: string;
  readonly productName: string;
  readonly price: number;
  readonly quantity: number;
}

/**
 * Creates a pending order with `id`: the checked-out basket's id (BasketCheckedOut), or a new id (REST/gRPC
 * CreateOrder). Makes no calls to other services (requirements E02); the saga takes it from OrderCreated.
 */
export class CreateOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly id: string,
    readonly customerId: string,
    readonly paymentId: string,
    readonly items: readonly CreateOrderItem[],
  ) {
    super();
  }
}
