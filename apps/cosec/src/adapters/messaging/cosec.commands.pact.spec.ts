// Provider verification of cosec-pub: the create-order saga's commands, as the participants' consumer tests expect
// them (pacts/customers-sub-, depot-sub-, payments-sub-, ordering-sub-cosec-pub.json). Each provider state names how
// far the saga has got; the producer drives the real saga there — OrderCreated into the real OrderEventsConsumer and
// StartCreateOrderSagaHandler, then each participant's reply into the real SagaRepliesConsumer — and returns the
// command the saga published last, with the headers that address it.
import { describe, it } from '@jest/globals';
import { Header } from '@mallbots/am';
import { toPactMessage } from '@mallbots/am/testing';
import type { OrderCreated } from '@mallbots/contracts/ordering';
import { createEvent } from '@mallbots/ddd';
import { SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { CosecMessage } from './cosec.messages.js';
import { type Answer, createOrderSagaHarness, theOrder } from './testing/saga-pact.harness.js';

/** How far the saga has got in each provider state: the answers its commands received so far. */
const ANSWERS_SO_FAR: Record<string, Answer[]> = {
  'an order is created': [],
  'the customer of the order is authorized': ['ok'],
  'the shopping list of the order is created': ['ok', 'list-created'],
  'the payment of the order is confirmed': ['ok', 'list-created', 'ok'],
  'shopping for the order is initiated': ['ok', 'list-created', 'ok', 'ok'],
  'the payment of the order is refused': ['ok', 'list-created', 'refuse'],
  'the customer of the order is refused': ['refuse'],
};

/** The headers a saga command is addressed with (libs/sec): what a participant copies back onto its reply. */
const COMMAND_HEADERS = [Header.CommandReplyChannel, Header.CommandSagaId, Header.CommandSagaName, SagaHeader.CommandStep, SagaHeader.CommandCompensating, SagaHeader.CommandAttempt];

interface SagaState {
  readonly answers: Answer[];
  readonly orderId: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly shoppingId: string;
}

let state: SagaState | undefined;

/** Runs the real saga to the state's point and returns the command it sent last, as Pact sees it. */
async function lastCommand() {
  if (!state) throw new Error('no provider state was set up');
  const { answers, orderId, customerId, paymentId, shoppingId } = state;
  state = undefined; // each interaction sets up its own
  const { registry, publisher, orderEvents, answer } = createOrderSagaHarness();
  const orderCreated: OrderCreated = { id: orderId, customerId, paymentId, shoppingId: '', items: theOrder().items };
  await orderEvents.onOrderCreated(createEvent(CosecMessage.OrderCreated, orderCreated));
  await answer(answers, shoppingId);
  return toPactMessage(registry, publisher.last(), COMMAND_HEADERS);
}

describe('cosec-pub (provider): the saga commands', () => {
  it('sends every command the participants expect', async () => {
    await verifyMessageProvider({
      provider: 'cosec-pub',
      consumers: ['customers-sub', 'depot-sub', 'payments-sub', 'ordering-sub'],
      stateHandlers: Object.fromEntries(
        Object.entries(ANSWERS_SO_FAR).map(([name, answers]) => [
          name,
          async (_state: string, params?: Record<string, string>) => {
            state = {
              answers,
              orderId: params?.['orderId'] ?? 'order-1',
              customerId: params?.['customerId'] ?? 'customer-1',
              paymentId: params?.['paymentId'] ?? 'payment-1',
              shoppingId: params?.['shoppingId'] ?? 'shopping-1',
            };
          },
        ]),
      ),
      messageProviders: {
        'an AuthorizeCustomer command': lastCommand,
        'a CreateShoppingList command': lastCommand,
        'a ConfirmPayment command': lastCommand,
        'an InitiateShopping command': lastCommand,
        'an ApproveOrder command': lastCommand,
        'a CancelShoppingList command': lastCommand,
        'a RejectOrder command': lastCommand,
      },
    });
  });
});
