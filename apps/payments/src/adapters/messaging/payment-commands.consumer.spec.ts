// PaymentCommandsConsumer: the saga's ConfirmPayment through libs/am's reply protocol into the real
// ConfirmPaymentHandler on an in-memory repository, checking the reply each command gets — in particular the customer
// check of §14.4 #36 ("anyone can check out … with any paymentId"), and that a sender giving no customer id (the
// reference's cosec) is answered as before.
import { describe, expect, it } from '@jest/globals';
import { FailureReply, Header, type Message, SuccessReply } from '@mallbots/am';
import type { ConfirmPayment } from '@mallbots/contracts/payments';
import { Money } from '@mallbots/ddd';
import { InMemoryPaymentRepository } from '../../application/testing/in-memory-repositories.js';
import { Payment, PaymentErrorText } from '../../domain/index.js';
import { paymentCommands, SAGA_REPLIES as REPLIES, sagaConfirmPayment } from './testing/payments.pact-harness.js';

/** payment-1, pre-authorised for Bob (50.00); `confirm` sends one ConfirmPayment and returns the replies to it. */
async function setup() {
  const payments = new InMemoryPaymentRepository();
  await payments.save(Payment.authorize({ id: 'payment-1', customerId: 'bob', amount: Money.fromDecimal(50) }));
  const { executed, deliver } = paymentCommands(payments);
  const confirm = async (payload: ConfirmPayment): Promise<Message[]> => (await deliver(sagaConfirmPayment(payload))).messages;
  return { payments, executed, confirm };
}

const success = [expect.objectContaining({ name: SuccessReply, subject: REPLIES, headers: expect.objectContaining({ [Header.ReplyOutcome]: 'SUCCESS' }) })];
const failure = (reason: string) => [
  expect.objectContaining({ name: FailureReply, subject: REPLIES, headers: expect.objectContaining({ [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: reason }) }),
];

describe('PaymentCommandsConsumer: ConfirmPayment', () => {
  it('confirms a payment pre-authorised for the order’s customer', async () => {
    const t = await setup();
    expect(await t.confirm({ id: 'payment-1', amount: 20, customerId: 'bob' })).toEqual(success);
    expect(t.executed).toEqual([expect.objectContaining({ id: 'payment-1', amount: Money.fromDecimal(20), customerId: 'bob' })]);
  });

  it('refuses a payment pre-authorised for another customer, with the reason (§14.4 #36)', async () => {
    const t = await setup();
    expect(await t.confirm({ id: 'payment-1', amount: 20, customerId: 'alice' })).toEqual(failure(PaymentErrorText.ConfirmCustomerMismatch));
    // Confirming is a read: the refused payment is as it was, still Bob's.
    expect(t.payments.rows.get('payment-1')).toMatchObject({ customerId: 'bob', amount: Money.fromDecimal(50) });
  });

  it('confirms as before when the sender gives no customer (the reference’s cosec: customer_id left empty)', async () => {
    const t = await setup();
    expect(await t.confirm({ id: 'payment-1', amount: 20, customerId: '' })).toEqual(success);
    expect(t.executed).toEqual([expect.objectContaining({ id: 'payment-1', customerId: undefined })]);
    // Still only as far as the amount goes.
    expect(await t.confirm({ id: 'payment-1', amount: 50.01, customerId: '' })).toEqual(failure(PaymentErrorText.ConfirmAmountExceedsAuthorized));
  });
});
