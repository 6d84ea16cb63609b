import { FailedPreconditionError, Money, NotFoundError } from '@mallbots/ddd';
import { Payment, PaymentErrorText } from '../../domain/index.js';
import { InMemoryPaymentRepository } from '../testing/in-memory-repositories.js';
import { ConfirmPaymentCommand } from './confirm-payment.command.js';
import { ConfirmPaymentHandler } from './confirm-payment.handler.js';

describe('ConfirmPaymentHandler', () => {
  const setup = async () => {
    const payments = new InMemoryPaymentRepository();
    await payments.save(Payment.authorize({ id: 'payment-1', customerId: 'customer-1', amount: Money.fromDecimal(50) }));
    return { payments, handler: new ConfirmPaymentHandler(payments) };
  };

  it('confirms an amount up to the authorized one, changing nothing', async () => {
    const { payments, handler } = await setup();
    const before = structuredClone(payments.rows);

    await handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(50)));
    await handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(49.99)));
    await handler.execute(new ConfirmPaymentCommand('payment-1', Money.zero));
    expect(payments.rows).toEqual(before);
  });

  it('refuses an unknown payment with the reference’s NotFound text', async () => {
    const { handler } = await setup();
    const refused = handler.execute(new ConfirmPaymentCommand('nope', Money.fromDecimal(1)));
    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow('payment cannot be confirmed');
  });

  it('refuses more than was authorized (the reference ignored the amount, §14.3 #31)', async () => {
    const { handler } = await setup();
    const refused = handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(50.01)));
    await expect(refused).rejects.toBeInstanceOf(FailedPreconditionError);
    await expect(refused).rejects.toThrow(PaymentErrorText.ConfirmAmountExceedsAuthorized);
  });

  it('confirms the payment for the customer it was authorized for', async () => {
    const { handler } = await setup();
    await expect(handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(1), 'customer-1'))).resolves.toBeUndefined();
  });

  it('refuses another customer’s payment when the caller gives the customer (§14.4 #36)', async () => {
    const { payments, handler } = await setup();
    const before = structuredClone(payments.rows);
    const refused = handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(1), 'customer-2'));
    await expect(refused).rejects.toBeInstanceOf(FailedPreconditionError);
    await expect(refused).rejects.toThrow(PaymentErrorText.ConfirmCustomerMismatch);
    expect(payments.rows).toEqual(before);
  });

  it('skips the customer check when the caller gives no customer (a sender without the field), as before', async () => {
    const { handler } = await setup();
    await expect(handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(50), undefined))).resolves.toBeUndefined();
    await expect(handler.execute(new ConfirmPaymentCommand('payment-1', Money.fromDecimal(50.01), undefined))).rejects.toThrow(PaymentErrorText.ConfirmAmountExceedsAuthorized);
  });

  it('only checks existence when no amount is given (the gRPC RPC, as in the reference)', async () => {
    const { handler } = await setup();
    await expect(handler.execute(new ConfirmPaymentCommand('payment-1'))).resolves.toBeUndefined();
    await expect(handler.execute(new ConfirmPaymentCommand(''))).rejects.toBeInstanceOf(NotFoundError);
  });
});
