import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { INVOICE_REPOSITORY, type InvoiceRepository } from '../ports/invoice.repository.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { CancelOrderInvoiceCommand } from './cancel-order-invoice.command.js';

/**
 * The reference's OrderCanceled handler was unreachable (its subscription filtered the event out, §14.1 #5).
 * Orders are cancelled while pending and invoiced only once ready, so usually there is no invoice: that is a no-op,
 * not an error (requirements §6.5). A pending invoice is canceled; a canceled one stays so. A paid one is refused
 * by the domain (refunds are not modelled), which dead-letters the event for an operator to look at.
 */
@CommandHandler(CancelOrderInvoiceCommand)
export class CancelOrderInvoiceHandler implements ICommandHandler<CancelOrderInvoiceCommand> {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: CancelOrderInvoiceCommand): Promise<void> {
    const invoice = await this.invoices.findByOrderId(command.orderId);
    if (!invoice) return;
    invoice.cancel();
    await saveAndPublish(this.invoices, this.events, invoice);
  }
}
