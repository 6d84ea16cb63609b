// Contract cosec-sub → depot-pub: the depot's replies to the saga's CreateShoppingList, InitiateShopping and
// CancelShoppingList. Each delivered reply goes into the real SagaRepliesConsumer of a real saga (libs/sec
// orchestrator on in-memory doubles) that waits for it; the test checks that the saga moves on: the next command,
// the compensation, or — for a refused compensation — the retry.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, SuccessReply } from '@mallbots/am';
import { fromPactMessage } from '@mallbots/am/testing';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import { CosecMessage as M } from './cosec.messages.js';
import { nonBlank, sagaAfter, sagaReply } from './testing/saga-pact.harness.js';

const { like } = MatchersV3;

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
