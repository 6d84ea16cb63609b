import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidArgumentError } from '@mallbots/ddd';
import type { NotificationState } from '../../domain/index.js';
import { NOTIFICATION_REPOSITORY, type NotificationRepository } from '../ports/notification.repository.port.js';
import { ListNotificationsQuery } from './list-notifications.query.js';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(@Inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository) {}

  async execute({ filter, limit }: ListNotificationsQuery): Promise<NotificationState[]> {
    // Never the whole table: the list is a lookup for one customer or one order.
    if (!filter.customerId && !filter.orderId) throw new InvalidArgumentError('give a customerId or an orderId', [{ reason: 'no filter' }]);
    return this.notifications.list({ ...filter, limit });
  }
}
