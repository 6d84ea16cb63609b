import { AlreadyExistsError, InvalidArgumentError, Money } from '@mallbots/ddd';
import { InvoiceErrorText, InvoiceEventName } from '../../domain/index.js';
import { InMemoryInvoiceRepository, recordingDispatcher } from '../testing/in-memory-repositories.js';
import { CreateInvoiceCommand } from './create-invoice.command.js';
import { CreateInvoiceHandler } from './create-invoice.handler.js';

describe('CreateInvoiceHandler', () => {
  const setup = () => {
    const invoices = new InMemoryInvoiceRepository();
    const { events, published } = recordingDispatcher();
    return { invoices, published, handler: new CreateInvoiceHandler(invoices, events) };
  };

  it('creates a pending invoice under the order id with the payment id and the exact amount', async () => {
    const { invoices, published, handler } = setup();
    expect(await handler.execute(new CreateInvoiceCommand('order-1', 'payment-1', Money.fromDecimal(19.99)))).toEqual({ id: 'order-1' });

    expect(invoices.rows.get('order-1')).toEqual({ id: 'order-1', orderId: 'order-1', paymentId: 'payment-1', amount: Money.ofCents(1999), status: 'pending', version: 1 });
    expect(published.map((e) => e.name)).toEqual([InvoiceEventName.InvoiceCreated]);
  });

  it('answers a repeat for the same order and payment with the existing invoice, unchanged (redelivered OrderReadied)', async () => {
    const { invoices, published, handler } = setup();
    invoices.seed({ orderId: 'order-1', paymentId: 'payment-1', amount: Money.fromDecimal(5), status: 'paid', version: 3 });

    expect(await handler.execute(new CreateInvoiceCommand('order-1', 'payment-1', Money.fromDecimal(19.99)))).toEqual({ id: 'order-1' });
    expect(invoices.rows.get('order-1')).toMatchObject({ amount: Money.ofCents(500), status: 'paid', version: 3 });
    expect(published).toEqual([]);
  });

  it('finds the order’s invoice whatever its id (one invoice per order)', async () => {
    const { invoices, handler } = setup();
    invoices.seed({ id: 'legacy-uuid', orderId: 'order-1', paymentId: 'payment-1', amount: Money.fromDecimal(5) });

    expect(await handler.execute(new CreateInvoiceCommand('order-1', 'payment-1', Money.fromDecimal(5)))).toEqual({ id: 'legacy-uuid' });
    expect(invoices.rows.size).toBe(1);
  });

  it('refuses the same order under another payment (AlreadyExists)', async () => {
    const { invoices, handler } = setup();
    invoices.seed({ orderId: 'order-1', paymentId: 'payment-1', amount: Money.fromDecimal(5) });

    await expect(handler.execute(new CreateInvoiceCommand('order-1', 'payment-2', Money.fromDecimal(5)))).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it.each([
    // A blank order id is a blank default invoice id; the domain reports that first (its own spec pins it).
    ['', 'payment-1', 1, InvoiceErrorText.IdBlank],
    ['order-1', ' ', 1, InvoiceErrorText.PaymentIdBlank],
    ['order-1', 'payment-1', -1, InvoiceErrorText.AmountNegative],
  ])('refuses order %p, payment %p, amount %p with "%s" and stores nothing', async (orderId, paymentId, amount, message) => {
    const { invoices, published, handler } = setup();
    const refused = handler.execute(new CreateInvoiceCommand(orderId, paymentId, Money.fromDecimal(amount)));
    await expect(refused).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(refused).rejects.toThrow(message);
    expect(invoices.rows.size).toBe(0);
    expect(published).toEqual([]);
  });

  it('accepts an order of zero (an order of zero-priced products must not poison the consumer)', async () => {
    const { invoices, handler } = setup();
    await handler.execute(new CreateInvoiceCommand('order-0', 'payment-1', Money.zero));
    expect(invoices.rows.get('order-0')?.amount).toEqual(Money.zero);
  });
});
