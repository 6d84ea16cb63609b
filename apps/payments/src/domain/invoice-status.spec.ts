import { isDomainError } from '@mallbots/ddd';
import { InvoiceStatus, isInvoiceStatus, parseInvoiceStatus } from './invoice-status.js';

describe('InvoiceStatus', () => {
  // The reference could not read a canceled invoice back ("unknown invoice status: canceled", §14.4 #38).
  it.each([
    ['pending', InvoiceStatus.Pending],
    ['paid', InvoiceStatus.Paid],
    ['canceled', InvoiceStatus.Canceled],
  ])('reads the stored status %p', (stored, status) => {
    expect(isInvoiceStatus(stored)).toBe(true);
    expect(parseInvoiceStatus(stored)).toBe(status);
  });

  it.each(['', 'cancelled', 'PAID', 'completed'])('treats %p as corrupt data: a plain Error, not a domain error', (stored) => {
    expect(isInvoiceStatus(stored)).toBe(false);
    let thrown: unknown;
    try {
      parseInvoiceStatus(stored);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(`unknown invoice status: ${stored}`);
    expect(isDomainError(thrown)).toBe(false);
  });
});
