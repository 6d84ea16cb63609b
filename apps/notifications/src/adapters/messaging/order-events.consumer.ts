import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { OrderCanceled, OrderCreated, OrderReadied, OrderRejected } from '@mallbots/contracts/ordering';
import type { DomainEvent } from '@mallbots/ddd';
import { NotifyCustomerCommand } from '../../application/notify-customer/notify-customer.command.js';
import type { NotificationKind } from '../../domain/index.js';
import { NotificationsGroup, OrderingChannel, OrderingMessage } from './notifications.messages.js';
import { refusalIsFinal } from './refusal-is-final.js';

type OrderEvent = DomainEvent<OrderCreated | OrderReadied | OrderCanceled | OrderRejected>;

/**
 * Ordering's events that text the customer (H01, H02: Ordering no longer calls us). Every one of them carries the
 * order and customer ids, which is all a notification needs. OrderApproved and OrderCompleted are not subscribed
 * (see domain/notification-kind.ts): they are acked unseen by the filter.
 */
@MessageConsumer({ subject: OrderingChannel.Events, group: NotificationsGroup.Orders })
export class OrderEventsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnEvent(OrderingMessage.OrderCreated)
  created(event: DomainEvent<OrderCreated>): Promise<void> {
    return this.notify(event, 'order_created');
  }

  @OnEvent(OrderingMessage.OrderReadied)
  readied(event: DomainEvent<OrderReadied>): Promise<void> {
    return this.notify(event, 'order_ready');
  }

  @OnEvent(OrderingMessage.OrderCanceled)
  canceled(event: DomainEvent<OrderCanceled>): Promise<void> {
    return this.notify(event, 'order_canceled');
  }

  @OnEvent(OrderingMessage.OrderRejected)
  rejected(event: DomainEvent<OrderRejected>): Promise<void> {
    return this.notify(event, 'order_rejected');
  }

  private notify(event: OrderEvent, kind: NotificationKind): Promise<void> {
    const { id, customerId } = event.payload;
    return refusalIsFinal(event, () => this.commands.execute(new NotifyCustomerCommand(id, customerId, kind, event.id)));
  }
}
