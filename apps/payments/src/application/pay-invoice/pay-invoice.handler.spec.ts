import { FailedPreconditionError, MetadataKeys, Money, NotFoundError } from '@mallbots/ddd';
import { InvoiceErrorText, InvoiceEventName } from '../../domain/index.js';
import { InMemoryInvoiceRepository, recordingDispatcher } from '../testing/in-memory-repositories.js';
import { PayInvoiceCommand } from './pay-invoice.command.js';
import { PayInvoiceHandler } from './pay-invoice.handler.js';

describe('PayInvoiceHandler', () => {
  const setup = () => {
    const invoices = new InMemoryInvoiceRepository();
    const { events, published } = recordingDispatcher();
    invoices.seed({ orderId: 'order-1', paymentId: 'payment-1', amount: Money.fromDecimal(20) });
    return { invoices, published, handler: new PayInvoiceHandler(invoices, events) };
  };

  it('marks a pending invoice paid and publishes InvoicePaid carrying the invoice id, after saving', async () => {
    const { invoices, published, handler } = setup();
    await handler.execute(new PayInvoiceCommand('order-1'));

    expect(invoices.rows.get('order-1')).toMatchObject({ status: 'paid', version: 2 });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ name: InvoiceEventName.InvoicePaid, payload: { orderId: 'order-1', paymentId: 'payment-1' }, metadata: { [MetadataKeys.AggregateId]: 'order-1' } });
  });

  it('succeeds again without a second InvoicePaid (a retried request, F08)', async () => {
    const { invoices, published, handler } = setup();
    await handler.execute(new PayInvoiceCommand('order-1'));
    await handler.execute(new PayInvoiceCommand('order-1'));

    expect(published).toHaveLength(1);
    expect(invoices.rows.get('order-1')?.version).toBe(2);
  });

  it('refuses a canceled invoice with the reference’s text', async () => {
    const { invoices, published, handler } = setup();
    invoices.seed({ orderId: 'order-2', amount: Money.fromDecimal(1), status: 'canceled' });
    const refused = handler.execute(new PayInvoiceCommand('order-2'));
    await expect(refused).rejects.toBeInstanceOf(FailedPreconditionError);
    await expect(refused).rejects.toThrow(InvoiceErrorText.CannotBePaid);
    expect(published).toEqual([]);
  });

  it('answers an unknown id with NotFound (the reference answered a raw 500)', async () => {
    const { handler } = setup();
    await expect(handler.execute(new PayInvoiceCommand('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
