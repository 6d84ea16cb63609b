import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import { type DomainEvent, Money } from '@mallbots/ddd';
import type { OrderCanceled, OrderReadied } from '@mallbots/contracts/ordering';
import { CancelOrderInvoiceCommand } from '../../application/cancel-order-invoice/cancel-order-invoice.command.js';
import { CreateInvoiceCommand } from '../../application/create-invoice/create-invoice.command.js';
import { OrderingChannel, OrderingMessage, PaymentsGroup } from './payments.messages.js';
import { refusalIsFinal } from './refusal-is-final.js';

/**
 * Order events payments reacts to (reference-behaviour §3.6, §4.2): OrderReadied invoices the order (F03), and
 * OrderCanceled cancels its invoice — the reference's handler for it was unreachable because its filter listed
 * OrderReadied only (§14.1 #5). Other order events are acked unseen. Each message runs in one transaction with its
 * inbox row, so a redelivery is skipped; the handlers are idempotent on ids besides (a re-published event with a
 * new message id finds the invoice it already created or canceled).
 */
@MessageConsumer({ subject: OrderingChannel.OrderEvents, group: PaymentsGroup.Orders })
export class OrderEventsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnEvent(OrderingMessage.OrderReadied)
  async onOrderReadied(event: DomainEvent<OrderReadied>): Promise<void> {
    const { id, paymentId, total } = event.payload;
    await refusalIsFinal(`${event.name} ${event.id}`, () => this.commands.execute(new CreateInvoiceCommand(id, paymentId, Money.fromDecimal(total))));
  }

  @OnEvent(OrderingMessage.OrderCanceled)
  async onOrderCanceled(event: DomainEvent<OrderCanceled>): Promise<void> {
    await refusalIsFinal(`${event.name} ${event.id}`, () => this.commands.execute(new CancelOrderInvoiceCommand(event.payload.id)));
  }
}
