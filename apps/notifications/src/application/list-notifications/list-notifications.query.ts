import { Query } from '@nestjs/cqrs';
import type { NotificationState } from '../../domain/index.js';

/** The notifications of a customer and/or an order, newest first (for operators and tests). */
export class ListNotificationsQuery extends Query<NotificationState[]> {
  constructor(
    readonly filter: { readonly customerId?: string; readonly orderId?: string },
    readonly limit: number,
  ) {
    super();
  }
}
