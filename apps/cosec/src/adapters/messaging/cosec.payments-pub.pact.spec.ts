// Contract cosec-sub → payments-pub: payments' replies to the saga's ConfirmPayment. Each delivered reply goes into
// the real SagaRepliesConsumer of a real saga (libs/sec orchestrator on in-memory doubles) that waits for it; the
// test checks that the saga moves on: InitiateShopping on success, the compensation on failure.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, SuccessReply } from '@mallbots/am';
import { fromPactMessage } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { CosecMessage as M } from './cosec.messages.js';
import { sagaAfter, sagaReply } from './testing/saga-pact.harness.js';

const { like } = MatchersV3;

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
