// Contract cosec-sub → depot-pub: the depot's replies to the saga's CreateShoppingList, InitiateShopping and
// CancelShoppingList. Each delivered reply goes into the real SagaRepliesConsumer of a real saga (libs/sec
// orchestrator on in-memory doubles) that waits for it; the test checks that the saga moves on: the next command,
// the compensation, or — for a refused compensation — the retry.
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

describe('cosec-sub → depot-pub (the replies to the shopping-list commands)', () => {
  const contract = consumerContract('cosec-sub', 'depot-pub');
  afterAll(() => contract.expectCommitted());

  it('records the shopping list id of a CreatedShoppingList reply and goes on to ConfirmPayment', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a store sells a product', { storeId: 's-1', productId: 'p-1' })
      .expectsToReceive('a CreatedShoppingList reply', (b) =>
        b.withJSONContent({ id: nonBlank('shopping-1') }).withMetadata(sagaReply(M.CreatedShoppingListReply, 'SUCCESS', '2', 'false')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('ok');
        expect(t.publisher.last().name).toBe(M.CreateShoppingList);
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.ConfirmPayment]);
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'running', step: 3, data: { shoppingId: 'shopping-1' } });
      });
  });

  it('rejects the order when the shopping list is refused, recording no list', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('the depot knows no stores or products')
      .expectsToReceive('a failure reply to CreateShoppingList', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '2', 'false', 'building shopping list: store s-1 was not located')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('ok');
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.RejectOrder]);
        const saga = await t.saga.get('order-1');
        expect(saga).toMatchObject({ status: 'compensating', step: 0, lastError: 'building shopping list: store s-1 was not located' });
        expect(saga!.data.shoppingId).toBeUndefined();
      });
  });

  it('goes on to ApproveOrder, with the shopping list, once shopping is initiated', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a shopping list is pending', { id: 'shopping-1' })
      .expectsToReceive('a success reply to InitiateShopping', (b) => b.withJSONContent(like({})).withMetadata(sagaReply(SuccessReply, 'SUCCESS', '4', 'false')))
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created', 'ok');
        expect(t.publisher.last().name).toBe(M.InitiateShopping);
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.ApproveOrder]);
        expect(t.registry.deserialize(M.ApproveOrder, t.publisher.last().payload)).toEqual({ id: 'order-1', shoppingId: 'shopping-1' });
      });
  });

  it('cancels the shopping list when shopping cannot be initiated', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a shopping list is canceled', { id: 'shopping-1' })
      .expectsToReceive('a failure reply to InitiateShopping', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '4', 'false', 'the shopping list cannot be initiated')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created', 'ok');
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.CancelShoppingList]);
        expect(t.registry.deserialize(M.CancelShoppingList, t.publisher.last().payload)).toEqual({ id: 'shopping-1' });
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 2, lastError: 'the shopping list cannot be initiated' });
      });
  });

  it('goes on compensating — RejectOrder — once the shopping list is canceled', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a shopping list is pending', { id: 'shopping-1' })
      .expectsToReceive('a success reply to CancelShoppingList', (b) => b.withJSONContent(like({})).withMetadata(sagaReply(SuccessReply, 'SUCCESS', '2', 'true')))
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created', 'refuse');
        expect(t.publisher.last().name).toBe(M.CancelShoppingList);
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.RejectOrder]);
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 0 });
      });
  });

  it('sends CancelShoppingList again when the depot refuses it', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a shopping list is completed', { id: 'shopping-1' })
      .expectsToReceive('a failure reply to CancelShoppingList', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '2', 'true', 'the shopping list cannot be canceled')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created', 'refuse');
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.CancelShoppingList]);
        expect(t.publisher.last().headers[SagaHeader.CommandAttempt]).toBe('2');
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 2, attempts: 2, lastError: 'the shopping list cannot be canceled' });
      });
  });
});
