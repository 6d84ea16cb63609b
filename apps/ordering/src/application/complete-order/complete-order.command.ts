import { Command } from '@nestjs/cqrs';

/** The invoice `invoiceId` of the order is paid: payments' InvoicePaid, or gRPC CompleteOrder. */
export class CompleteOrderCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly invoiceId: string,
  ) {
    super();
  }
}
