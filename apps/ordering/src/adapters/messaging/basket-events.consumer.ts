import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { BasketCheckedOut } from '@mallbots/contracts/baskets';
import type { DomainEvent } from '@mallbots/ddd';
import { CreateOrderCommand } from '../../application/create-order/create-order.command.js';
import { OrderingChannel, OrderingGroup, OrderingMessage } from './ordering.messages.js';
import { refusingInvalidEvents } from './refusals.js';

/**
 * A checked-out basket becomes a pending order with the basket's id (reference-behaviour §1.3, §3.5), with the
 * basket's copies of store and product names and prices. Nothing else is asked of anyone (requirements E02).
 */
@MessageConsumer({ subject: OrderingChannel.BasketEvents, group: OrderingGroup.Baskets })
export class BasketEventsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnEvent(OrderingMessage.BasketCheckedOut)
  async onCheckedOut(event: DomainEvent<BasketCheckedOut>): Promise<void> {
    const basket = event.payload;
    const items = basket.items.map((i) => ({ productId: i.productId, storeId: i.storeId, storeName: i.storeName, productName: i.productName, price: i.price, quantity: i.quantity }));
    await refusingInvalidEvents(() => this.commands.execute(new CreateOrderCommand(basket.id, basket.customerId, basket.paymentId, items)));
  }
}
