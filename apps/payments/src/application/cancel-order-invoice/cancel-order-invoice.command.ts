import { Command } from '@nestjs/cqrs';

/** Cancels the invoice of a canceled order, if it has one (OrderCanceled, reference-behaviour §14.1 #5). */
export class CancelOrderInvoiceCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}
