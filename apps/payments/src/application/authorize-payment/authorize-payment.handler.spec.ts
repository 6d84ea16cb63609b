import { AlreadyExistsError, InvalidArgumentError, Money } from '@mallbots/ddd';
import { PaymentErrorText, PaymentEventName } from '../../domain/index.js';
import { InMemoryPaymentRepository, recordingDispatcher } from '../testing/in-memory-repositories.js';
import { AuthorizePaymentCommand } from './authorize-payment.command.js';
import { AuthorizePaymentHandler } from './authorize-payment.handler.js';

describe('AuthorizePaymentHandler', () => {
  const setup = () => {
    const payments = new InMemoryPaymentRepository();
    const { events, published } = recordingDispatcher();
    return { payments, published, handler: new AuthorizePaymentHandler(payments, events) };
  };
  const id = '0b7a0f5e-8f3e-4c55-9f0a-2f1f1e7c3b11';

  it('stores a new payment under a generated UUID and publishes PaymentAuthorized after saving', async () => {
    const { payments, published, handler } = setup();
    const result = await handler.execute(new AuthorizePaymentCommand('customer-1', Money.fromDecimal(12.34)));

    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(payments.rows.get(result.id)).toEqual({ id: result.id, customerId: 'customer-1', amount: Money.ofCents(1234), version: 1 });
    expect(published.map((e) => e.name)).toEqual([PaymentEventName.PaymentAuthorized]);
  });

  it('answers a repeat of a caller-chosen id with the same payment and no second effect (F08)', async () => {
    const { payments, published, handler } = setup();
    await handler.execute(new AuthorizePaymentCommand('customer-1', Money.fromDecimal(10), id));
    const again = await handler.execute(new AuthorizePaymentCommand('customer-1', Money.fromDecimal(10), id));

    expect(again).toEqual({ id });
    expect(payments.rows.size).toBe(1);
    expect(published).toHaveLength(1);
  });

  it('refuses the same id with another customer or amount (AlreadyExists), changing nothing', async () => {
    const { payments, handler } = setup();
    await handler.execute(new AuthorizePaymentCommand('customer-1', Money.fromDecimal(10), id));

    await expect(handler.execute(new AuthorizePaymentCommand('customer-1', Money.fromDecimal(11), id))).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(handler.execute(new AuthorizePaymentCommand('customer-2', Money.fromDecimal(10), id))).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(payments.rows.get(id)?.amount).toEqual(Money.ofCents(1000));
  });

  it.each([
    ['', 10, PaymentErrorText.CustomerIdBlank],
    ['customer-1', 0, PaymentErrorText.AmountNotPositive],
    ['customer-1', -5, PaymentErrorText.AmountNotPositive],
  ])('refuses customer %p and amount %p before looking at the id (%s)', async (customerId, amount, message) => {
    const { payments, published, handler } = setup();
    await handler.execute(new AuthorizePaymentCommand('customer-1', Money.fromDecimal(10), id));

    const refused = handler.execute(new AuthorizePaymentCommand(customerId, Money.fromDecimal(amount), id));
    await expect(refused).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(refused).rejects.toThrow(message);
    expect(payments.rows.size).toBe(1);
    expect(published).toHaveLength(1);
  });
});
