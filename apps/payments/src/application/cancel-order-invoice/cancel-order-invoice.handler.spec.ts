import { FailedPreconditionError, Money } from '@mallbots/ddd';
import { InvoiceEventName } from '../../domain/index.js';
import { InMemoryInvoiceRepository, recordingDispatcher } from '../testing/in-memory-repositories.js';
import { CancelOrderInvoiceCommand } from './cancel-order-invoice.command.js';
import { CancelOrderInvoiceHandler } from './cancel-order-invoice.handler.js';

describe('CancelOrderInvoiceHandler (OrderCanceled)', () => {
  const setup = () => {
    const invoices = new InMemoryInvoiceRepository();
    const { events, published } = recordingDispatcher();
    return { invoices, published, handler: new CancelOrderInvoiceHandler(invoices, events) };
  };

  it('does nothing for an order without an invoice (cancelled before it was ready, the usual case)', async () => {
    const { invoices, published, handler } = setup();
    await expect(handler.execute(new CancelOrderInvoiceCommand('order-1'))).resolves.toBeUndefined();
    expect(invoices.rows.size).toBe(0);
    expect(published).toEqual([]);
  });

  it('cancels the order’s pending invoice, found by order id, and is a no-op when redelivered', async () => {
    const { invoices, published, handler } = setup();
    invoices.seed({ id: 'invoice-1', orderId: 'order-1', amount: Money.fromDecimal(3) });
    await handler.execute(new CancelOrderInvoiceCommand('order-1'));
    await handler.execute(new CancelOrderInvoiceCommand('order-1'));

    expect(invoices.rows.get('invoice-1')?.status).toBe('canceled');
    expect(published.map((e) => e.name)).toEqual([InvoiceEventName.InvoiceCanceled]);
  });

  it('refuses to cancel a paid invoice (refunds are not modelled)', async () => {
    const { invoices, handler } = setup();
    invoices.seed({ orderId: 'order-1', amount: Money.fromDecimal(3), status: 'paid' });
    await expect(handler.execute(new CancelOrderInvoiceCommand('order-1'))).rejects.toBeInstanceOf(FailedPreconditionError);
  });
});
