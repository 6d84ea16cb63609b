import { Inject, Injectable } from '@nestjs/common';
import { type CreatedOrder, type OrderStatus, recordOfCreatedOrder } from '../../domain/index.js';
import { NameResolver } from '../names/name-resolver.js';
import { ORDER_READ_MODEL, type OrderReadModel } from '../ports/order-read-model.port.js';

/**
 * Projects ordering's integration events into the read model (requirements I03, N02). Writes go straight to the
 * repository (I05: the application exposes only the two queries). Every write is idempotent and independent of
 * arrival order (see OrderReadModel), so duplicates that slip past the inbox and reordered deliveries are harmless.
 */
@Injectable()
export class OrderProjector {
  constructor(
    @Inject(ORDER_READ_MODEL) private readonly orders: OrderReadModel,
    @Inject(NameResolver) private readonly names: NameResolver,
  ) {}

  async orderCreated(order: CreatedOrder): Promise<void> {
    const names = await this.names.namesFor(order);
    await this.orders.created(recordOfCreatedOrder(order, names));
  }

  async statusChanged(orderId: string, customerId: string, paymentId: string, status: OrderStatus): Promise<void> {
    await this.orders.statusChanged({ orderId, customerId, paymentId, status });
  }
}
