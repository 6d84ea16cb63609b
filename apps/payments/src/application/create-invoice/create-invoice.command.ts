import { Command } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';

/** CreateInvoice, from OrderReadied (F03) or the gRPC RPC. The invoice id is the order id (one invoice per order). */
export class CreateInvoiceCommand extends Command<{ id: string }> {
  constructor(
    readonly orderId: string,
    readonly paymentId: string,
    readonly amount: Money,
  ) {
    super();
  }
}
