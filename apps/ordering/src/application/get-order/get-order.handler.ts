import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ORDER_REPOSITORY, type OrderRepository } from '../ports/order.repository.port.js';
import { GetOrderQuery, type OrderView } from './get-order.query.js';

/**
 * Reads the order from its stream (current snapshot + newer events). An unknown id is NotFound (HTTP 404), where the
 * reference answered an empty order with status "" (§14.4 #34).
 */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(query: GetOrderQuery): Promise<OrderView> {
    const order = await this.orders.get(query.id);
    return {
      id: order.id,
      customerId: order.customerId,
      paymentId: order.paymentId,
      items: order.items.map((item) => ({
        storeId: item.storeId,
        productId: item.productId,
        storeName: item.storeName,
        productName: item.productName,
        price: item.price.toDecimal(),
        quantity: item.quantity,
      })),
      status: order.status,
      shoppingId: order.shoppingId,
      invoiceId: order.invoiceId,
    };
  }
}
