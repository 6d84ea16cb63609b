import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { InvoicePaid } from '@mallbots/contracts/payments';
import type { DomainEvent } from '@mallbots/ddd';
import { CompleteOrderCommand } from '../../application/complete-order/complete-order.command.js';
import { OrderingChannel, OrderingGroup, OrderingMessage } from './ordering.messages.js';
import { refusingInvalidEvents } from './refusals.js';

/**
 * The order's invoice is paid: the order is completed with the invoice id (requirements E07). A new durable group:
 * the reference never subscribed to InvoicePaid, so no order was ever completed (reference-behaviour §14.1 item 4).
 */
@MessageConsumer({ subject: OrderingChannel.InvoiceEvents, group: OrderingGroup.Payments })
export class InvoiceEventsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnEvent(OrderingMessage.InvoicePaid)
  async onPaid(event: DomainEvent<InvoicePaid>): Promise<void> {
    await refusingInvalidEvents(() => this.commands.execute(new CompleteOrderCommand(event.payload.orderId, event.payload.id)));
  }
}
