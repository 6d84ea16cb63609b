// Contract cosec-sub → customers-pub: customers' replies to the saga's AuthorizeCustomer. Each delivered reply goes
// into the real SagaRepliesConsumer of a real saga (libs/sec orchestrator on in-memory doubles) that waits for it;
// the test checks that the saga moves on: the next command on success, the compensation on failure.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, SuccessReply } from '@mallbots/am';
import { fromPactMessage } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { CosecMessage as M } from './cosec.messages.js';
import { sagaAfter, sagaReply } from './testing/saga-pact.harness.js';

const { like } = MatchersV3;

/** A create-order saga for order-1 that has sent AuthorizeCustomer and waits for its reply. */
async function sagaAwaitingAuthorization() {
  const t = await sagaAfter();
  expect(t.publisher.names()).toEqual([M.AuthorizeCustomer]);
  return t;
}

describe('cosec-sub → customers-pub (the replies to AuthorizeCustomer)', () => {
  const contract = consumerContract('cosec-sub', 'customers-pub');
  afterAll(() => contract.expectCommitted());

  it('goes on to CreateShoppingList when the customer is authorized', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a customer is enabled', { id: 'customer-1' })
      .expectsToReceive('a success reply to AuthorizeCustomer', (b) => b.withJSONContent(like({})).withMetadata(sagaReply(SuccessReply, 'SUCCESS', '1', 'false')))
      .executeTest(async (m) => {
        const t = await sagaAwaitingAuthorization();
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.publisher.names()).toEqual([M.AuthorizeCustomer, M.CreateShoppingList]);
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'running', step: 2, compensating: false });
      });
  });

  it('rejects the order when the customer is refused, keeping the reason', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a customer is disabled', { id: 'customer-1' })
      .expectsToReceive('a failure reply to AuthorizeCustomer', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '1', 'false', 'customer is not authorized')),
      )
      .executeTest(async (m) => {
        const t = await sagaAwaitingAuthorization();
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.publisher.names()).toEqual([M.AuthorizeCustomer, M.RejectOrder]);
        expect(t.registry.deserialize(M.RejectOrder, t.publisher.last().payload)).toEqual({ id: 'order-1' });
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 0, compensating: true, lastError: 'customer is not authorized' });
      });
  });
});
