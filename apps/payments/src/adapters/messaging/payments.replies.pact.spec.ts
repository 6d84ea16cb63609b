// Provider verification of payments-pub for cosec-sub: the replies to the saga's ConfirmPayment
// (pacts/cosec-sub-payments-pub.json). Each producer sends a ConfirmPayment, addressed as cosec addresses it, through
// libs/am's reply protocol into the real PaymentCommandsConsumer and ConfirmPaymentHandler on an in-memory repository
// set up by the provider state, and returns the reply that was published.
import { describe, it } from '@jest/globals';
import { commandHandler, Header, type IncomingMessage } from '@mallbots/am';
import { RecordingPublisher, toPactMessage } from '@mallbots/am/testing';
import type { ConfirmPayment } from '@mallbots/contracts/payments';
import { Money, newId } from '@mallbots/ddd';
import { commandHeaders, SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { ConfirmPaymentCommand } from '../../application/confirm-payment/confirm-payment.command.js';
import { ConfirmPaymentHandler } from '../../application/confirm-payment/confirm-payment.handler.js';
import { InMemoryPaymentRepository } from '../../application/testing/in-memory-repositories.js';
import { Payment } from '../../domain/index.js';
import { PaymentCommandsConsumer } from './payment-commands.consumer.js';
import { PaymentsChannel, PaymentsMessage, paymentsRegistry } from './payments.messages.js';

const registry = paymentsRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [PaymentsMessage.ConfirmPayment]: ConfirmPayment };

const REPLY_HEADERS = [Header.ReplyOutcome, Header.ReplySagaId, Header.ReplySagaName, SagaHeader.ReplyStep, SagaHeader.ReplyCompensating, SagaHeader.ReplyAttempt];

let payments = new InMemoryPaymentRepository();
let paymentId = '';

/** ConfirmPayment for the state's payment, an order total of 2.50 and the payer's customer, as the saga sends it at step 3, answered by the real consumer. */
async function replyToConfirmPayment(headerKeys: readonly string[]) {
  const confirm = new ConfirmPaymentHandler(payments);
  const bus = {
    execute: async (command: unknown) => {
      if (command instanceof ConfirmPaymentCommand) return confirm.execute(command);
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as CommandBus;
  const consumer = new PaymentCommandsConsumer(bus);
  const replies = new RecordingPublisher();
  const handle = commandHandler<Commands>(registry, { [PaymentsMessage.ConfirmPayment]: (c) => consumer.confirmPayment(c) }, replies);
  const now = new Date();
  const command: IncomingMessage = {
    id: newId(),
    name: PaymentsMessage.ConfirmPayment,
    subject: PaymentsChannel.Commands,
    payload: registry.serialize(PaymentsMessage.ConfirmPayment, { id: paymentId, amount: 2.5, customerId: 'customer-1' } satisfies ConfirmPayment),
    headers: commandHeaders({ replyChannel: 'mallbots.cosec.replies.CreateOrder', sagaId: 'order-1', sagaName: 'cosec.CreateOrder', step: 3, compensating: false, attempt: 1, causationId: newId() }),
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'payment-commands',
  };
  await handle(command);
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
