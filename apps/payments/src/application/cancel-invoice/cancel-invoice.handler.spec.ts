import { FailedPreconditionError, Money, NotFoundError } from '@mallbots/ddd';
import { InvoiceErrorText, InvoiceEventName } from '../../domain/index.js';
import { InMemoryInvoiceRepository, recordingDispatcher } from '../testing/in-memory-repositories.js';
import { CancelInvoiceCommand } from './cancel-invoice.command.js';
import { CancelInvoiceHandler } from './cancel-invoice.handler.js';

describe('CancelInvoiceHandler', () => {
  const setup = () => {
    const invoices = new InMemoryInvoiceRepository();
    const { events, published } = recordingDispatcher();
    invoices.seed({ orderId: 'order-1', amount: Money.fromDecimal(20) });
    invoices.seed({ orderId: 'order-paid', amount: Money.fromDecimal(20), status: 'paid' });
    return { invoices, published, handler: new CancelInvoiceHandler(invoices, events) };
  };

  it('cancels a pending invoice once; canceling again is a no-op', async () => {
    const { invoices, published, handler } = setup();
    await handler.execute(new CancelInvoiceCommand('order-1'));
    await handler.execute(new CancelInvoiceCommand('order-1'));

    expect(invoices.rows.get('order-1')).toMatchObject({ status: 'canceled', version: 2 });
    expect(published.map((e) => e.name)).toEqual([InvoiceEventName.InvoiceCanceled]);
  });

  it('refuses a paid invoice with its own text (the reference said "cannot be paid for")', async () => {
    const { invoices, handler } = setup();
    const refused = handler.execute(new CancelInvoiceCommand('order-paid'));
    await expect(refused).rejects.toBeInstanceOf(FailedPreconditionError);
    await expect(refused).rejects.toThrow(InvoiceErrorText.CannotBeCanceled);
    expect(invoices.rows.get('order-paid')?.status).toBe('paid');
  });

  it('answers an unknown id with NotFound', async () => {
    const { handler } = setup();
    await expect(handler.execute(new CancelInvoiceCommand('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
