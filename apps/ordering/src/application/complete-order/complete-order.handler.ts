import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderStatus } from '../../domain/index.js';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { CompleteOrderCommand } from './complete-order.command.js';

/**
 * Ready → completed with the paid invoice's id. The reference never got here: nobody consumed InvoicePaid, the
 * gRPC CompleteOrder dropped invoice_id and errors were swallowed (§14.1 item 4).
 */
@CommandHandler(CompleteOrderCommand)
export class CompleteOrderHandler implements ICommandHandler<CompleteOrderCommand> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: CompleteOrderCommand): Promise<void> {
    const order = await this.orders.get(command.id);
    // Completed by this same invoice already: a repeated InvoicePaid changes nothing. Another invoice is refused.
    if (order.status === OrderStatus.Completed && order.invoiceId === command.invoiceId) return;
    order.complete(command.invoiceId);
    await this.orders.save(order);
  }
}
