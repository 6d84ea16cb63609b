import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderStatus } from '../../domain/index.js';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { RejectOrderCommand } from './reject-order.command.js';

@CommandHandler(RejectOrderCommand)
export class RejectOrderHandler implements ICommandHandler<RejectOrderCommand> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: RejectOrderCommand): Promise<void> {
    const order = await this.orders.get(command.id);
    // Nothing left to undo: the order is already rejected, or the customer cancelled it while the saga ran. A
    // refusal here would leave the compensating saga stuck (the domain README's note), so this is a success.
    if (order.status === OrderStatus.Rejected || order.status === OrderStatus.Cancelled) return;
    // Approved, ready or completed orders are refused ("the order cannot be rejected"), answered as am.Failure.
    order.reject();
    await this.orders.save(order);
  }
}
