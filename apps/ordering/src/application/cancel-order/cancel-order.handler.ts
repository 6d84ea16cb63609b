import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { CancelOrderCommand } from './cancel-order.command.js';

/** Only a pending order can be cancelled (requirements E05; see the domain README's cancellation decision). */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: CancelOrderCommand): Promise<void> {
    const order = await this.orders.get(command.id);
    order.cancel();
    await this.orders.save(order);
  }
}
