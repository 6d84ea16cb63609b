import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { INVOICE_REPOSITORY, type InvoiceRepository } from '../ports/invoice.repository.port.js';
import { requireInvoice } from '../require-invoice.js';
import { saveAndPublish } from '../save-and-publish.js';
import { CancelInvoiceCommand } from './cancel-invoice.command.js';

/** pending → canceled by invoice id (gRPC, REST). Canceling a canceled invoice again is a no-op; a paid one is refused. */
@CommandHandler(CancelInvoiceCommand)
export class CancelInvoiceHandler implements ICommandHandler<CancelInvoiceCommand> {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: CancelInvoiceCommand): Promise<void> {
    const invoice = await requireInvoice(this.invoices, command.id);
    invoice.cancel();
    await saveAndPublish(this.invoices, this.events, invoice);
  }
}
