import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { INVOICE_REPOSITORY, type InvoiceRepository } from '../ports/invoice.repository.port.js';
import { requireInvoice } from '../require-invoice.js';
import { GetInvoiceQuery, type InvoiceView } from './get-invoice.query.js';

@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler implements IQueryHandler<GetInvoiceQuery> {
  constructor(@Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository) {}

  async execute(query: GetInvoiceQuery): Promise<InvoiceView> {
    const { id, orderId, paymentId, amount, status } = (await requireInvoice(this.invoices, query.id)).toSnapshot();
    return { id, orderId, paymentId, amount: amount.toDecimal(), status };
  }
}
