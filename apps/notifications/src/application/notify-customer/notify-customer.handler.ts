import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkNotificationRequest, composeNotification } from '../../domain/index.js';
import { CustomerDirectory } from '../customer-cache/customer-directory.js';
import { NOTIFICATION_REPOSITORY, type NotificationRepository } from '../ports/notification.repository.port.js';
import { NotifyCustomerCommand, type NotifyOutcome } from './notify-customer.command.js';

/**
 * Records the notification in the caller's transaction; the SMS dispatcher sends it after the commit. Once per order
 * and kind: a redelivered or re-published event, or a gRPC Notify* for an order the events already covered, finds
 * the row and changes nothing — so an SMS is never sent twice, whichever path asks (the reference's handlers were
 * no-ops, §14.1 #11). Sending outside the transaction also means a handler that is rolled back and re-run (a
 * failing neighbour in a group commit, a commit error) cannot have texted anyone.
 */
@CommandHandler(NotifyCustomerCommand)
export class NotifyCustomerHandler implements ICommandHandler<NotifyCustomerCommand> {
  constructor(
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
    @Inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
  ) {}

  async execute(command: NotifyCustomerCommand): Promise<NotifyOutcome> {
    checkNotificationRequest(command);
    // Cheap check first: a duplicate must not cost a Customers call.
    if (await this.notifications.exists(command.orderId, command.kind)) return 'duplicate';
    const customer = await this.directory.reachable(command.customerId);
    const notification = composeNotification(randomUUID(), command, customer, new Date());
    return (await this.notifications.add(notification)) ? 'recorded' : 'duplicate';
  }
}
