import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import type { OrderRecord } from '../../domain/index.js';
import { ORDER_READ_MODEL, type OrderReadModel } from '../ports/order-read-model.port.js';
import { GetOrderQuery } from './get-order.query.js';

/** GetOrder (requirement I02; the reference panicked, §14.1 item 7): names come from the read model, no remote call. */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(@Inject(ORDER_READ_MODEL) private readonly orders: OrderReadModel) {}

  async execute(query: GetOrderQuery): Promise<OrderRecord> {
    const id = query.id.trim();
    if (!id) throw new InvalidArgumentError('the order id cannot be blank');
    const order = await this.orders.find(id);
    if (!order) throw new NotFoundError(`order ${id} not found`);
    return order;
  }
}
