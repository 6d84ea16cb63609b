import { Query } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';
import type { BasketStatus } from '../../domain/index.js';

export interface BasketItemView {
  readonly storeId: string;
  readonly storeName: string;
  readonly productId: string;
  readonly productName: string;
  readonly price: Money;
  readonly quantity: number;
}

/**
 * The reference's basket (id and lines, in the order first added) plus what it hid (§14.4 item 41): the customer,
 * the payment (after checkout), the status and the total the kiosk shows after every change (C09).
 */
export interface BasketView {
  readonly id: string;
  readonly customerId: string;
  readonly paymentId: string | undefined;
  readonly status: BasketStatus;
  readonly items: readonly BasketItemView[];
  readonly total: Money;
}

export class GetBasketQuery extends Query<BasketView> {
  constructor(readonly id: string) {
    super();
  }
}
