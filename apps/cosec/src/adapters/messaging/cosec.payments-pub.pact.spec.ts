// Contract cosec-sub → payments-pub: payments' replies to the saga's ConfirmPayment. Each delivered reply goes into
// the real SagaRepliesConsumer of a real saga (libs/sec orchestrator on in-memory doubles) that waits for it; the
// test checks that the saga moves on: InitiateShopping on success, the compensation on failure.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, Header, SuccessReply } from '@mallbots/am';
import { fromPactMessage } from '@mallbots/am/testing';
import { SagaHeader, SagaMetrics, SagaOrchestrator } from '@mallbots/sec';
import { InMemorySagaStore, RecordingPublisher, replyTo } from '@mallbots/sec/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { Registry } from 'prom-client';
import { createOrderData, type CreateOrderData } from '../../domain/index.js';
import { CosecChannel, CosecMessage as M, cosecRegistry } from './cosec.messages.js';
import { createOrderSaga } from './create-order.saga.js';
import { SagaRepliesConsumer } from './saga-replies.consumer.js';

const { like, regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

/** A reply as the participant's reply protocol addresses it: the saga send it answers, and the outcome. */
function sagaReply(name: string, outcome: 'SUCCESS' | 'FAILURE', step: string, compensating: 'true' | 'false', error?: string) {
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

type Answer = 'ok' | 'refuse' | 'list-created';

/** A create-order saga for order-1 whose commands so far got `answers`, in order; it waits for the next reply. */
async function sagaAfter(...answers: Answer[]) {
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
  const replies = new SagaRepliesConsumer(saga);
  const order = { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', items: [{ productId: 'p-1', storeId: 's-1', price: 1.25, quantity: 2 }] };
  await saga.start('order-1', createOrderData(order));
  for (const answer of answers) {
    const command = publisher.last();
    if (answer === 'refuse') await replies.onReply(replyTo(command, { outcome: 'FAILURE', error: `${command.name} refused` }));
    else if (answer === 'list-created') await replies.onReply(replyTo(command, { name: M.CreatedShoppingListReply, payload: registry.serialize(M.CreatedShoppingListReply, { id: 'shopping-1' }) }));
    else await replies.onReply(replyTo(command));
  }
  const sent = publisher.messages.length;
  /** Names of the commands sent since the saga got here. */
  const sentSince = () => publisher.names().slice(sent);
  return { registry, publisher, saga, replies, sentSince };
}

describe('cosec-sub → payments-pub (the replies to ConfirmPayment)', () => {
  const contract = consumerContract('cosec-sub', 'payments-pub');
  afterAll(() => contract.expectCommitted());

  it('goes on to InitiateShopping, for the shopping list, when the payment is confirmed', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a payment is authorized', { id: 'payment-1' })
      .expectsToReceive('a success reply to ConfirmPayment', (b) => b.withJSONContent(like({})).withMetadata(sagaReply(SuccessReply, 'SUCCESS', '3', 'false')))
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created');
        expect(t.publisher.last().name).toBe(M.ConfirmPayment);
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.InitiateShopping]);
        expect(t.registry.deserialize(M.InitiateShopping, t.publisher.last().payload)).toEqual({ id: 'shopping-1' });
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'running', step: 4 });
      });
  });

  it('cancels the shopping list when the payment is refused, keeping the reason', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('no payment exists', { id: 'payment-1' })
      .expectsToReceive('a failure reply to ConfirmPayment', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '3', 'false', 'payment cannot be confirmed')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created');
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.CancelShoppingList]);
        expect(t.registry.deserialize(M.CancelShoppingList, t.publisher.last().payload)).toEqual({ id: 'shopping-1' });
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 2, lastError: 'payment cannot be confirmed' });
      });
  });
});
