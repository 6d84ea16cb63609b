import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { type CreateInvoiceProps, Invoice } from '../../domain/index.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { INVOICE_REPOSITORY, type InvoiceRepository } from '../ports/invoice.repository.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { CreateInvoiceCommand } from './create-invoice.command.js';

/**
 * Creates the order's invoice, idempotently (F08, requirements §6.5): when the order already has one (a redelivered
 * or re-published OrderReadied, a retried RPC) for the same payment, that invoice is the answer and nothing
 * changes; its amount is kept, since it may have been adjusted. The same order with another payment is
 * AlreadyExists. The reference gave RPC-created invoices a new UUID; here every invoice takes its order's id.
 */
@CommandHandler(CreateInvoiceCommand)
export class CreateInvoiceHandler implements ICommandHandler<CreateInvoiceCommand> {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: CreateInvoiceCommand): Promise<{ id: string }> {
    const props: CreateInvoiceProps = { orderId: command.orderId, paymentId: command.paymentId, amount: command.amount };
    // Validate first, so bad input is answered as such even for an order that has an invoice.
    const invoice = Invoice.create(props);
    const existing = await this.invoices.findByOrderId(command.orderId);
    if (existing) {
      existing.assertRepeatOf({ ...props, id: existing.id });
      return { id: existing.id };
    }
    await saveAndPublish(this.invoices, this.events, invoice);
    return { id: invoice.id };
  }
}
