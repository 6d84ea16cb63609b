import { Command } from '@nestjs/cqrs';
import type { NotificationKind } from '../../domain/index.js';

/** What happened: `recorded` (to be sent, or suppressed), or `duplicate` (the order already had this notification). */
export type NotifyOutcome = 'recorded' | 'duplicate';

/** Text a customer about their order — from an ordering event (`eventId`) or the gRPC API. */
export class NotifyCustomerCommand extends Command<NotifyOutcome> {
  constructor(
    readonly orderId: string,
    readonly customerId: string,
    readonly kind: NotificationKind,
    readonly eventId?: string,
  ) {
    super();
  }
}
