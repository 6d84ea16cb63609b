import { Controller, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  type NotificationsServiceController,
  NotificationsServiceControllerMethods,
  type NotifyOrderCanceledRequest,
  type NotifyOrderCreatedRequest,
  type NotifyOrderReadyRequest,
} from '@mallbots/contracts/notifications';
import { NotifyCustomerCommand } from '../../application/notify-customer/notify-customer.command.js';
import type { NotificationKind } from '../../domain/index.js';

/**
 * notificationspb.NotificationsService (reference-behaviour §3.7), kept for callers from before Ordering switched
 * to events (H06: removing it needs a survey of its users). Unlike the reference's no-ops, each call records the
 * notification as the event would, once per order and kind: a call for an order the events already covered sends
 * nothing more. Answers `{}` once recorded (the SMS goes out just after). Blank ids → INVALID_ARGUMENT; a customer
 * Customers does not know → NOT_FOUND; Customers unreachable on a cache miss → UNAVAILABLE.
 */
@Controller()
@NotificationsServiceControllerMethods()
export class NotificationsGrpcController implements NotificationsServiceController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  notifyOrderCreated(request: NotifyOrderCreatedRequest): Promise<object> {
    return this.notify(request, 'order_created');
  }

  notifyOrderCanceled(request: NotifyOrderCanceledRequest): Promise<object> {
    return this.notify(request, 'order_canceled');
  }

  notifyOrderReady(request: NotifyOrderReadyRequest): Promise<object> {
    return this.notify(request, 'order_ready');
  }

  private async notify(request: { orderId?: string; customerId?: string }, kind: NotificationKind): Promise<object> {
    await this.commands.execute(new NotifyCustomerCommand(request.orderId ?? '', request.customerId ?? '', kind));
    return {};
  }
}
