import type { Invoice } from '../../domain/index.js';

export const INVOICE_REPOSITORY = Symbol.for('payments.InvoiceRepository');

/** Invoices as stored (a plain table). Runs on the caller's transaction. */
export interface InvoiceRepository {
  /** The invoice, or undefined (the use case throws the domain's InvoiceNotFoundError; the reference answered a raw 500). */
  find(id: string): Promise<Invoice | undefined>;
  /** The invoice of an order (there is at most one), or undefined. */
  findByOrderId(orderId: string): Promise<Invoice | undefined>;
  /**
   * Inserts a new invoice or updates one; ConflictError when it changed since it was read (optimistic lock) or when
   * a concurrent writer inserted an invoice for the same id or order first. Commits the aggregate's events.
   */
  save(invoice: Invoice): Promise<void>;
}
