// cosec's create-order saga as its contract tests drive it: the real libs/sec orchestrator with the real saga
// definition on in-memory doubles, behind the real OrderEventsConsumer (via StartCreateOrderSagaHandler) and
// SagaRepliesConsumer. The consumer specs (cosec.<participant>-pub.pact.spec.ts) bring a saga to the reply they
// deliver; the provider spec (cosec.commands.pact.spec.ts) brings it to the command it returns. Test code only
// (excluded from the app build by tsconfig.app.json).
import { MatchersV3 } from '@pact-foundation/pact';
import { Header } from '@mallbots/am';
import { SagaHeader, SagaMetrics, SagaOrchestrator } from '@mallbots/sec';
import { InMemorySagaStore, RecordingPublisher, replyTo } from '@mallbots/sec/testing';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import type { CommandBus } from '@nestjs/cqrs';
import { Registry } from 'prom-client';
import { StartCreateOrderSagaCommand } from '../../../application/start-create-order-saga/start-create-order-saga.command.js';
import { StartCreateOrderSagaHandler } from '../../../application/start-create-order-saga/start-create-order-saga.handler.js';
import { createOrderData, type CreateOrderData } from '../../../domain/index.js';
import { CosecChannel, CosecMessage as M, cosecRegistry } from '../cosec.messages.js';
import { createOrderSaga } from '../create-order.saga.js';
import { OrderEventsConsumer } from '../order-events.consumer.js';
import { SagaRepliesConsumer } from '../saga-replies.consumer.js';

const { like, regex } = MatchersV3;

/** What each participant answers the command in front of it, in the saga's order. */
export type Answer = 'ok' | 'refuse' | 'list-created';

/** The order the saga runs for (a fresh copy each time): order-1 of customer-1, paid with payment-1, one line of 2 × 1.25. */
export const theOrder = () => ({ id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', items: [{ productId: 'p-1', storeId: 's-1', price: 1.25, quantity: 2 }] });

/**
 * A fresh create-order saga: the orchestrator on an in-memory store and transaction runner, recording every command
 * it publishes; `orderEvents` is the OrderEventsConsumer that starts it (its bus runs StartCreateOrderSaga only),
 * `replies` the SagaRepliesConsumer that moves it on.
 */
export function createOrderSagaHarness() {
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
  const orderEvents = new OrderEventsConsumer(bus);
  const replies = new SagaRepliesConsumer(saga);

  /** Answers the command the saga sent last with each of `answers` in turn; 'list-created' names `shoppingId`. */
  const answer = async (answers: readonly Answer[], shoppingId = 'shopping-1') => {
    for (const a of answers) {
      const command = publisher.last();
      if (a === 'refuse') await replies.onReply(replyTo(command, { outcome: 'FAILURE', error: `${command.name} refused` }));
      else if (a === 'list-created') await replies.onReply(replyTo(command, { name: M.CreatedShoppingListReply, payload: registry.serialize(M.CreatedShoppingListReply, { id: shoppingId }) }));
      else await replies.onReply(replyTo(command));
    }
  };

  return { registry, publisher, saga, orderEvents, replies, answer };
}

/** A create-order saga for order-1 whose commands so far got `answers`, in order; it waits for the next reply. */
export async function sagaAfter(...answers: Answer[]) {
  const t = createOrderSagaHarness();
  const order = theOrder();
  await t.saga.start(order.id, createOrderData(order));
  await t.answer(answers);
  const sent = t.publisher.messages.length;
  /** Names of the commands sent since the saga got here. */
  const sentSince = () => t.publisher.names().slice(sent);
  return { ...t, sentSince };
}

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
export const nonBlank = (example: string) => regex(/.*\S.*/, example);

/** A reply as the participant's reply protocol addresses it: the saga send it answers, and the outcome. */
export function sagaReply(name: string, outcome: 'SUCCESS' | 'FAILURE', step: string, compensating: 'true' | 'false', error?: string) {
  return {
    subject: CosecChannel.Replies,
    name,
    [Header.ReplyOutcome]: outcome,
    [Header.ReplySagaId]: nonBlank('order-1'),
    [Header.ReplySagaName]: 'cosec.CreateOrder',
    [SagaHeader.ReplyStep]: regex('^\\d+$', step),
    [SagaHeader.ReplyCompensating]: regex('^(true|false)$', compensating),
    [SagaHeader.ReplyAttempt]: regex('^[1-9]\\d*$', '1'),
    ...(error !== undefined ? { [Header.ReplyError]: like(error) } : {}),
  };
}
