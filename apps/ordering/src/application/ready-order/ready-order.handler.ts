import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderStatus } from '../../domain/index.js';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { ReadyOrderCommand } from './ready-order.command.js';

/**
 * Approved → ready, raising OrderReadied with the total payments invoices. Unlike the reference, refusals are not
 * swallowed (§14.1 item 4): a pending, rejected or cancelled order is refused, so a ShoppingListCompleted that
 * overtook the saga's ApproveOrder is retried, and one that can never apply ends up dead-lettered, visible.
 */
@CommandHandler(ReadyOrderCommand)
export class ReadyOrderHandler implements ICommandHandler<ReadyOrderCommand> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: ReadyOrderCommand): Promise<void> {
    const order = await this.orders.get(command.id);
    // Already ready (or since completed): a repeated ShoppingListCompleted changes nothing and is not an error.
    if (order.status === OrderStatus.Ready || order.status === OrderStatus.Completed) return;
    order.ready();
    await this.orders.save(order);
  }
}
