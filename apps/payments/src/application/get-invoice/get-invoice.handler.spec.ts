import { Money, NotFoundError } from '@mallbots/ddd';
import { InMemoryInvoiceRepository } from '../testing/in-memory-repositories.js';
import { GetInvoiceHandler } from './get-invoice.handler.js';
import { GetInvoiceQuery } from './get-invoice.query.js';

describe('GetInvoiceHandler', () => {
  it('shows an invoice with its decimal amount, canceled ones included (§14.4 #38)', async () => {
    const invoices = new InMemoryInvoiceRepository();
    invoices.seed({ orderId: 'order-1', paymentId: 'payment-9', amount: Money.ofCents(1005), status: 'canceled' });

    expect(await new GetInvoiceHandler(invoices).execute(new GetInvoiceQuery('order-1'))).toEqual({
      id: 'order-1',
      orderId: 'order-1',
      paymentId: 'payment-9',
      amount: 10.05,
      status: 'canceled',
    });
  });

  it('answers an unknown id with NotFound', async () => {
    await expect(new GetInvoiceHandler(new InMemoryInvoiceRepository()).execute(new GetInvoiceQuery('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
