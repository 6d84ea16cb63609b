import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { ApproveOrderCommand } from './approve-order.command.js';

@CommandHandler(ApproveOrderCommand)
export class ApproveOrderHandler implements ICommandHandler<ApproveOrderCommand> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: ApproveOrderCommand): Promise<void> {
    const order = await this.orders.get(command.id);
    // Already approved with this very shopping list: the command arrived again (e.g. a saga retry under a new id).
    // Answer success rather than a refusal that would make the saga compensate an order that is fine.
    if (order.shoppingId !== '' && order.shoppingId === command.shoppingId) return;
    // Anything but pending is refused by the domain, including a cancelled order: the saga then compensates.
    order.approve(command.shoppingId);
    await this.orders.save(order);
  }
}
