import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { INVOICE_REPOSITORY, type InvoiceRepository } from '../ports/invoice.repository.port.js';
import { requireInvoice } from '../require-invoice.js';
import { saveAndPublish } from '../save-and-publish.js';
import { PayInvoiceCommand } from './pay-invoice.command.js';

/**
 * pending → paid. The status change and `paymentsapi.InvoicePaid` (written to the outbox by the integration-event
 * handler) commit in one transaction: the book's dual-write case (F04, F05). Paying a paid invoice again succeeds
 * without a second InvoicePaid (F08); a canceled one "cannot be paid for".
 */
@CommandHandler(PayInvoiceCommand)
export class PayInvoiceHandler implements ICommandHandler<PayInvoiceCommand> {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: PayInvoiceCommand): Promise<void> {
    const invoice = await requireInvoice(this.invoices, command.id);
    invoice.pay();
    await saveAndPublish(this.invoices, this.events, invoice);
  }
}
