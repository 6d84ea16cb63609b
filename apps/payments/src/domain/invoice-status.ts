/**
 * Invoice lifecycle (reference-behaviour §3.6): pending → paid | canceled. Both end states are final.
 * The strings are the ones the reference stores in `payments.invoices.status`, so its rows stay readable.
 */
export const InvoiceStatus = {
  Pending: 'pending',
  Paid: 'paid',
  Canceled: 'canceled',
} as const;
export type InvoiceStatus = (typeof InvoiceStatus)[keyof typeof InvoiceStatus];

const knownStatuses: ReadonlySet<string> = new Set(Object.values(InvoiceStatus));

export function isInvoiceStatus(value: string): value is InvoiceStatus {
  return knownStatuses.has(value);
}

/**
 * Reads a stored status. The reference mapped only pending and paid, so a canceled invoice could not be read back
 * ("unknown invoice status: canceled", §14.4 #38); every status is mapped here. Any other value is corrupt data,
 * i.e. a bug, so it is a plain Error (500, message kept out of responses), not a domain error.
 */
export function parseInvoiceStatus(value: string): InvoiceStatus {
  if (isInvoiceStatus(value)) return value;
  throw new Error(`unknown invoice status: ${value}`);
}
