// Contract cosec-sub → customers-pub: customers' replies to the saga's AuthorizeCustomer. Each delivered reply goes
// into the real SagaRepliesConsumer of a real saga (libs/sec orchestrator on in-memory doubles) that waits for it;
// the test checks that the saga moves on: the next command on success, the compensation on failure.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, Header, SuccessReply } from '@mallbots/am';
import { fromPactMessage } from '@mallbots/am/testing';
import { SagaHeader, SagaMetrics, SagaOrchestrator } from '@mallbots/sec';
import { InMemorySagaStore, RecordingPublisher } from '@mallbots/sec/testing';
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

/** A create-order saga for order-1 that has sent AuthorizeCustomer and waits for its reply. */
async function sagaAwaitingAuthorization() {
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
  const order = { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', items: [{ productId: 'p-1', storeId: 's-1', price: 1.25, quantity: 2 }] };
  await saga.start('order-1', createOrderData(order));
  expect(publisher.names()).toEqual([M.AuthorizeCustomer]);
  return { registry, publisher, saga, replies: new SagaRepliesConsumer(saga) };
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
