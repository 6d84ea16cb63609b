// Contract payments-sub → cosec-pub: the create-order saga's ConfirmPayment, as payments' command consumer handles it
// — through libs/am's reply protocol into the real PaymentCommandsConsumer and ConfirmPaymentHandler on an in-memory
// repository; the test checks the reply sent back for a payment that covers the amount, one that does not, and one
// pre-authorised for another customer than the order's.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, Header, type Message, SuccessReply } from '@mallbots/am';
import { fromPactMessage, type PactDeliveredMessage } from '@mallbots/am/testing';
import { Money } from '@mallbots/ddd';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import { InMemoryPaymentRepository } from '../../application/testing/in-memory-repositories.js';
import { Payment, PaymentErrorText } from '../../domain/index.js';
import { PaymentsChannel, PaymentsMessage, paymentsRegistry } from './payments.messages.js';
import { paymentCommands, SAGA_REPLIES as REPLIES } from './testing/payments.pact-harness.js';

const { number, regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = paymentsRegistry();

/** Payments' command consumer over the real use case, with payment-1 authorized for `authorized` by `payer`; returns its replies. */
async function deliver(authorized: number, delivered: PactDeliveredMessage, payer = 'customer-1'): Promise<{ replies: Message[]; payments: InMemoryPaymentRepository }> {
  const payments = new InMemoryPaymentRepository();
  await payments.save(Payment.authorize({ id: 'payment-1', customerId: payer, amount: Money.fromDecimal(authorized) }));
  const replies = await paymentCommands(payments).deliver(fromPactMessage(registry, delivered));
  return { replies: replies.messages, payments };
}

describe('payments-sub → cosec-pub (the saga command payments answers)', () => {
  const contract = consumerContract('payments-sub', 'cosec-pub');
  afterAll(() => contract.expectCommitted());

  it('confirms a payment of the order’s customer that covers the amount with am.Success, and refuses one that does not, or another customer’s, with am.Failure', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('the shopping list of the order is created', { orderId: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', shoppingId: 'shopping-1' })
      .expectsToReceive('a ConfirmPayment command', (b) =>
        b.withJSONContent({ id: nonBlank('payment-1'), amount: number(2.5), customerId: nonBlank('customer-1') }).withMetadata({
          subject: PaymentsChannel.Commands,
          name: PaymentsMessage.ConfirmPayment,
          [Header.CommandReplyChannel]: REPLIES,
          [Header.CommandSagaId]: nonBlank('order-1'),
          [Header.CommandSagaName]: 'cosec.CreateOrder',
          [SagaHeader.CommandStep]: regex('^\\d+$', '3'),
          [SagaHeader.CommandCompensating]: regex('^(true|false)$', 'false'),
          [SagaHeader.CommandAttempt]: regex('^[1-9]\\d*$', '1'),
        }),
      )
      .executeTest(async (m) => {
        const sagaSend = {
          [Header.ReplySagaId]: 'order-1',
          [Header.ReplySagaName]: 'cosec.CreateOrder',
          [SagaHeader.ReplyStep]: '3',
          [SagaHeader.ReplyCompensating]: 'false',
          [SagaHeader.ReplyAttempt]: '1',
        };

        const covered = await deliver(2.5, m);
        expect(covered.replies).toEqual([
          expect.objectContaining({ name: SuccessReply, subject: REPLIES, headers: expect.objectContaining({ [Header.ReplyOutcome]: 'SUCCESS', ...sagaSend }) }),
        ]);
        // Confirming is a read: the payment is as it was.
        expect(covered.payments.rows.get('payment-1')).toMatchObject({ amount: Money.fromDecimal(2.5), customerId: 'customer-1' });

        // The amount is read: one cent less authorized than the order's total is refused, with the reason.
        const short = await deliver(2.49, m);
        expect(short.replies).toEqual([
          expect.objectContaining({
            name: FailureReply,
            subject: REPLIES,
            headers: expect.objectContaining({ [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: PaymentErrorText.ConfirmAmountExceedsAuthorized, ...sagaSend }),
          }),
        ]);

        // The customer is read: the same command for a payment another customer pre-authorised, for enough, is
        // refused with the reason (§14.4 #36).
        const othersCard = await deliver(100, m, 'customer-2');
        expect(othersCard.replies).toEqual([
          expect.objectContaining({
            name: FailureReply,
            subject: REPLIES,
            headers: expect.objectContaining({ [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: PaymentErrorText.ConfirmCustomerMismatch, ...sagaSend }),
          }),
        ]);
      });
  });
});
