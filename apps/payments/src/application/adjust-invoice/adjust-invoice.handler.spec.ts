import { FailedPreconditionError, InvalidArgumentError, Money, NotFoundError } from '@mallbots/ddd';
import { InvoiceErrorText, InvoiceEventName } from '../../domain/index.js';
import { InMemoryInvoiceRepository, recordingDispatcher } from '../testing/in-memory-repositories.js';
import { AdjustInvoiceCommand } from './adjust-invoice.command.js';
import { AdjustInvoiceHandler } from './adjust-invoice.handler.js';

describe('AdjustInvoiceHandler', () => {
  const setup = () => {
    const invoices = new InMemoryInvoiceRepository();
    const { events, published } = recordingDispatcher();
    invoices.seed({ orderId: 'order-1', amount: Money.fromDecimal(20) });
    invoices.seed({ orderId: 'order-paid', amount: Money.fromDecimal(20), status: 'paid' });
    return { invoices, published, handler: new AdjustInvoiceHandler(invoices, events) };
  };

  it('re-prices a pending invoice exactly; the same amount again changes nothing', async () => {
    const { invoices, published, handler } = setup();
    await handler.execute(new AdjustInvoiceCommand('order-1', Money.fromDecimal(0.3)));
    await handler.execute(new AdjustInvoiceCommand('order-1', Money.fromDecimal(0.3)));

    expect(invoices.rows.get('order-1')).toMatchObject({ amount: Money.ofCents(30), version: 2 });
    expect(published.map((e) => e.name)).toEqual([InvoiceEventName.InvoiceAdjusted]);
  });

  it('refuses a paid invoice and a negative amount', async () => {
    const { handler } = setup();
    await expect(handler.execute(new AdjustInvoiceCommand('order-paid', Money.fromDecimal(1)))).rejects.toBeInstanceOf(FailedPreconditionError);
    await expect(handler.execute(new AdjustInvoiceCommand('order-1', Money.fromDecimal(-1)))).rejects.toThrow(InvalidArgumentError);
    await expect(handler.execute(new AdjustInvoiceCommand('order-paid', Money.fromDecimal(1)))).rejects.toThrow(InvoiceErrorText.CannotBeAdjusted);
  });

  it('answers an unknown id with NotFound', async () => {
    const { handler } = setup();
    await expect(handler.execute(new AdjustInvoiceCommand('nope', Money.fromDecimal(1)))).rejects.toBeInstanceOf(NotFoundError);
  });
});
