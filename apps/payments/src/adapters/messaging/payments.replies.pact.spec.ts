// Provider verification of payments-pub for cosec-sub: the replies to the saga's ConfirmPayment
// (pacts/cosec-sub-payments-pub.json). Each producer sends a ConfirmPayment, addressed as cosec addresses it, through
// libs/am's reply protocol into the real PaymentCommandsConsumer and ConfirmPaymentHandler on an in-memory repository
// set up by the provider state, and returns the reply that was published.
import { describe, it } from '@jest/globals';
import { Header } from '@mallbots/am';
import { toPactMessage } from '@mallbots/am/testing';
import { Money } from '@mallbots/ddd';
import { SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { InMemoryPaymentRepository } from '../../application/testing/in-memory-repositories.js';
import { Payment } from '../../domain/index.js';
import { paymentsRegistry } from './payments.messages.js';
import { paymentCommands, sagaConfirmPayment } from './testing/payments.pact-harness.js';

const registry = paymentsRegistry();

const REPLY_HEADERS = [Header.ReplyOutcome, Header.ReplySagaId, Header.ReplySagaName, SagaHeader.ReplyStep, SagaHeader.ReplyCompensating, SagaHeader.ReplyAttempt];

let payments = new InMemoryPaymentRepository();
let paymentId = '';

/** ConfirmPayment for the state's payment, an order total of 2.50 and the payer's customer, as the saga sends it at step 3, answered by the real consumer. */
async function replyToConfirmPayment(headerKeys: readonly string[]) {
  const replies = await paymentCommands(payments).deliver(sagaConfirmPayment({ id: paymentId, amount: 2.5, customerId: 'customer-1' }));
  return toPactMessage(registry, replies.last(), headerKeys);
}

describe('payments-pub (provider) for cosec-sub: the replies to ConfirmPayment', () => {
  it('answers ConfirmPayment as the saga expects', async () => {
    await verifyMessageProvider({
      provider: 'payments-pub',
      consumers: ['cosec-sub'],
      stateHandlers: {
        'a payment is authorized': async (_state, params) => {
          payments = new InMemoryPaymentRepository();
          paymentId = params?.['id'] ?? 'payment-1';
          await payments.save(Payment.authorize({ id: paymentId, customerId: 'customer-1', amount: Money.fromDecimal(50) }));
        },
        'no payment exists': async (_state, params) => {
          payments = new InMemoryPaymentRepository();
          paymentId = params?.['id'] ?? 'payment-1';
        },
      },
      messageProviders: {
        'a success reply to ConfirmPayment': () => replyToConfirmPayment(REPLY_HEADERS),
        'a failure reply to ConfirmPayment': () => replyToConfirmPayment([...REPLY_HEADERS, Header.ReplyError]),
      },
    });
  });
});
