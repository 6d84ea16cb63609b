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
import { SagaHeader, SagaMetrics, SagaOrchestrator } from '@mallbots/sec';
import { InMemorySagaStore, RecordingPublisher, replyTo } from '@mallbots/sec/testing';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import type { CommandBus } from '@nestjs/cqrs';
import { Registry } from 'prom-client';
import { StartCreateOrderSagaCommand } from '../../application/start-create-order-saga/start-create-order-saga.command.js';
import { StartCreateOrderSagaHandler } from '../../application/start-create-order-saga/start-create-order-saga.handler.js';
import type { CreateOrderData } from '../../domain/index.js';
import { CosecMessage, cosecRegistry } from './cosec.messages.js';
import { createOrderSaga } from './create-order.saga.js';
import { OrderEventsConsumer } from './order-events.consumer.js';
import { SagaRepliesConsumer } from './saga-replies.consumer.js';

/** What each participant answers the command in front of it, in the saga's order. */
type Answer = 'ok' | 'refuse' | 'list-created';

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
  const registry = cosecRegistry();
  const publisher = new RecordingPublisher();
  const saga = new SagaOrchestrator<CreateOrderData>({
    definition: createOrderSaga(),
    store: new InMemorySagaStore(),
    publisher,
    registry,
    tx: new InMemoryTransactionRunner(),
    metrics: new SagaMetrics(new Registry()),
  });
  const start = new StartCreateOrderSagaHandler(saga);
  const bus = {
    execute: async (command: unknown) => {
      if (command instanceof StartCreateOrderSagaCommand) return start.execute(command);
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as CommandBus;
  const orderCreated: OrderCreated = { id: orderId, customerId, paymentId, shoppingId: '', items: [{ productId: 'p-1', storeId: 's-1', price: 1.25, quantity: 2 }] };
  await new OrderEventsConsumer(bus).onOrderCreated(createEvent(CosecMessage.OrderCreated, orderCreated));

  const replies = new SagaRepliesConsumer(saga);
  for (const answer of answers) {
    const command = publisher.last();
    if (answer === 'refuse') await replies.onReply(replyTo(command, { outcome: 'FAILURE', error: `${command.name} refused` }));
    else if (answer === 'list-created') {
      await replies.onReply(replyTo(command, { name: CosecMessage.CreatedShoppingListReply, payload: registry.serialize(CosecMessage.CreatedShoppingListReply, { id: shoppingId }) }));
    } else await replies.onReply(replyTo(command));
  }
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
