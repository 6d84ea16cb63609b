import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { ShoppingListCompleted } from '@mallbots/contracts/depot';
import type { DomainEvent } from '@mallbots/ddd';
import { ReadyOrderCommand } from '../../application/ready-order/ready-order.command.js';
import { OrderingChannel, OrderingGroup, OrderingMessage } from './ordering.messages.js';
import { refusingInvalidEvents } from './refusals.js';

/** The depot collected every item of a shopping list: its order (the list's order id) is ready (requirements E06). */
@MessageConsumer({ subject: OrderingChannel.ShoppingListEvents, group: OrderingGroup.Depot })
export class ShoppingListEventsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnEvent(OrderingMessage.ShoppingListCompleted)
  async onCompleted(event: DomainEvent<ShoppingListCompleted>): Promise<void> {
    await refusingInvalidEvents(() => this.commands.execute(new ReadyOrderCommand(event.payload.orderId)));
  }
}
