import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { INVOICE_REPOSITORY, type InvoiceRepository } from '../ports/invoice.repository.port.js';
import { requireInvoice } from '../require-invoice.js';
import { saveAndPublish } from '../save-and-publish.js';
import { AdjustInvoiceCommand } from './adjust-invoice.command.js';

/** Re-prices a pending invoice (the reference changed it in any status, §14.4 #38). */
@CommandHandler(AdjustInvoiceCommand)
export class AdjustInvoiceHandler implements ICommandHandler<AdjustInvoiceCommand> {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: AdjustInvoiceCommand): Promise<void> {
    const invoice = await requireInvoice(this.invoices, command.id);
    invoice.adjust(command.amount);
    await saveAndPublish(this.invoices, this.events, invoice);
  }
}
