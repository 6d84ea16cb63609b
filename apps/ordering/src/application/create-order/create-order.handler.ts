import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidArgumentError, isDomainError, Money } from '@mallbots/ddd';
import { Order, type OrderItemProps } from '../../domain/index.js';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { CreateOrderCommand, type CreateOrderItem } from './create-order.command.js';

@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: CreateOrderCommand): Promise<{ id: string }> {
    // Idempotent: a BasketCheckedOut delivered again (a replayed dead letter, a republished outbox row under a new
    // message id) finds its order and changes nothing, instead of failing with "the order cannot be recreated" and
    // being retried until it is dead-lettered. The first checkout of a basket wins.
    const existing = await this.orders.find(command.id);
    if (existing) return { id: existing.id };

    const order = Order.create(command.id, { customerId: command.customerId, paymentId: command.paymentId, items: command.items.map(toItemProps) });
    await this.orders.save(order);
    return { id: order.id };
  }
}

function toItemProps(item: CreateOrderItem, index: number): OrderItemProps {
  return { productId: item.productId, storeId: item.storeId, storeName: item.storeName, productName: item.productName, price: priceOf(item.price, index), quantity: item.quantity };
}

/** The wire's decimal price as exact cents; a fraction of a cent or a non-number is refused, naming the line. */
function priceOf(price: number, index: number): Money {
  try {
    return Money.fromDecimal(price);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    throw new InvalidArgumentError(err.message, [{ field: `items[${index}].price`, reason: err.message }]);
  }
}
