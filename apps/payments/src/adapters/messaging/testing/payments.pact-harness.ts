// Payments' side of the create-order saga as its tests drive it: the real PaymentCommandsConsumer over the real
// ConfirmPaymentHandler, behind libs/am's reply protocol. The consumer contract (payments.cosec-pub.pact.spec.ts)
// hands it the command a pact describes; the provider verification (payments.replies.pact.spec.ts) and the
// consumer's unit test (payment-commands.consumer.spec.ts) a ConfirmPayment addressed as cosec addresses it. Test
// code only (excluded from the app build by tsconfig.app.json).
import { commandHandler, type IncomingMessage } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import type { ConfirmPayment } from '@mallbots/contracts/payments';
import { newId } from '@mallbots/ddd';
import { commandHeaders } from '@mallbots/sec';
import type { CommandBus } from '@nestjs/cqrs';
import { ConfirmPaymentCommand } from '../../../application/confirm-payment/confirm-payment.command.js';
import { ConfirmPaymentHandler } from '../../../application/confirm-payment/confirm-payment.handler.js';
import type { PaymentRepository } from '../../../application/ports/payment.repository.port.js';
import { PaymentCommandsConsumer } from '../payment-commands.consumer.js';
import { PaymentsChannel, PaymentsMessage, paymentsRegistry } from '../payments.messages.js';

const registry = paymentsRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [PaymentsMessage.ConfirmPayment]: ConfirmPayment };

/** Where cosec's create-order saga takes its replies. */
export const SAGA_REPLIES = 'mallbots.cosec.replies.CreateOrder';

/**
 * Payments' command consumer over the real ConfirmPayment use case on `payments`, behind a bus that runs only that
 * use case and keeps each command it ran (`executed`). `deliver(command)` hands it one command through libs/am's
 * reply protocol and returns the recorder of the replies it published.
 */
export function paymentCommands(payments: PaymentRepository) {
  const confirm = new ConfirmPaymentHandler(payments);
  const executed: ConfirmPaymentCommand[] = [];
  const bus = {
    execute: async (command: unknown) => {
      if (!(command instanceof ConfirmPaymentCommand)) throw new Error(`unexpected command ${String(command)}`);
      executed.push(command);
      return confirm.execute(command);
    },
  } as unknown as CommandBus;
  const consumer = new PaymentCommandsConsumer(bus);
  const deliver = async (command: IncomingMessage): Promise<RecordingPublisher> => {
    const replies = new RecordingPublisher();
    const handle = commandHandler<Commands>(registry, { [PaymentsMessage.ConfirmPayment]: (c) => consumer.confirmPayment(c) }, replies);
    await handle(command);
    return replies;
  };
  return { executed, deliver };
}

/** A ConfirmPayment with `payload`, addressed as cosec's create-order saga for order-1 sends its step 3 (libs/sec). */
export function sagaConfirmPayment(payload: ConfirmPayment): IncomingMessage {
  const now = new Date();
  return {
    id: newId(),
    name: PaymentsMessage.ConfirmPayment,
    subject: PaymentsChannel.Commands,
    payload: registry.serialize(PaymentsMessage.ConfirmPayment, payload),
    headers: commandHeaders({ replyChannel: SAGA_REPLIES, sagaId: 'order-1', sagaName: 'cosec.CreateOrder', step: 3, compensating: false, attempt: 1, causationId: newId() }),
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'payment-commands',
  };
}
