import { type Invoice, InvoiceNotFoundError } from '../domain/index.js';
import type { InvoiceRepository } from './ports/invoice.repository.port.js';

/** The invoice, or the domain's 404 (the reference answered unknown invoice ids with a raw "no rows" 500, §14.4 #34). */
export async function requireInvoice(invoices: InvoiceRepository, id: string): Promise<Invoice> {
  const invoice = await invoices.find(id);
  if (!invoice) throw new InvoiceNotFoundError();
  return invoice;
}
