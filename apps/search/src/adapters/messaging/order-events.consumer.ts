import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { OrderApproved, OrderCanceled, OrderCompleted, OrderCreated, OrderReadied, OrderRejected } from '@mallbots/contracts/ordering';
import type { DomainEvent } from '@mallbots/ddd';
import { OrderProjector } from '../../application/order-projection/order.projector.js';
import { OrderStatus } from '../../domain/index.js';
import { refuseInvalid, requireId } from './refuse-invalid.js';
import { SearchChannel, SearchConsumer, SearchMessage } from './search.messages.js';

type StatusEvent = OrderApproved | OrderRejected | OrderCanceled | OrderReadied | OrderCompleted;

/** Which status each later order event means (ordering's vocabulary, see domain/order-status.ts). */
const STATUS_OF: Readonly<Record<string, OrderStatus>> = {
  [SearchMessage.OrderApproved]: OrderStatus.Approved,
  [SearchMessage.OrderRejected]: OrderStatus.Rejected,
  [SearchMessage.OrderCanceled]: OrderStatus.Cancelled,
  [SearchMessage.OrderReadied]: OrderStatus.Ready,
  [SearchMessage.OrderCompleted]: OrderStatus.Completed,
};

/**
 * Ordering's events into the read model, with search's own durable `search-orders` (I08). All six are handled:
 * apps/ordering publishes OrderApproved and OrderRejected too (the reference never did, §14.1 item 3).
 */
@MessageConsumer({ subject: SearchChannel.Orders, group: SearchConsumer.Orders })
export class OrderEventsConsumer {
  constructor(@Inject(OrderProjector) private readonly projector: OrderProjector) {}

  @OnEvent(SearchMessage.OrderCreated)
  async orderCreated(event: DomainEvent<OrderCreated>): Promise<void> {
    const { id, customerId, paymentId, items } = event.payload;
    await refuseInvalid(event, () => this.projector.orderCreated({ id: requireId(id, 'order'), customerId, paymentId, items, occurredAt: event.occurredAt }));
  }

  @OnEvent(SearchMessage.OrderApproved, SearchMessage.OrderRejected, SearchMessage.OrderCanceled, SearchMessage.OrderReadied, SearchMessage.OrderCompleted)
  async orderStatusChanged(event: DomainEvent<StatusEvent>): Promise<void> {
    const { id, customerId } = event.payload;
    // OrderCompleted carries an invoice id instead of the payment id.
    const paymentId = 'paymentId' in event.payload ? event.payload.paymentId : '';
    await refuseInvalid(event, () => this.projector.statusChanged(requireId(id, 'order'), customerId, paymentId, STATUS_OF[event.name]!));
  }
}
