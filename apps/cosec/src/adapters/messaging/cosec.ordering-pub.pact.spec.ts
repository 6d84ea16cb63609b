// Contract cosec-sub → ordering-pub: OrderCreated, which starts the saga, and ordering's replies to the saga's
// ApproveOrder and RejectOrder. OrderCreated goes into the real OrderEventsConsumer and StartCreateOrderSagaHandler;
// each reply into the real SagaRepliesConsumer of a real saga (libs/sec orchestrator on in-memory doubles) that
// waits for it. The test checks what the saga does: its first command, its end, its compensation or a retry.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, Header, SuccessReply } from '@mallbots/am';
import type { OrderCreated } from '@mallbots/contracts/ordering';
import { fromPactMessage, pactEvent } from '@mallbots/am/testing';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import { CosecChannel, CosecMessage as M } from './cosec.messages.js';
import { createOrderSagaHarness, nonBlank, sagaAfter, sagaReply } from './testing/saga-pact.harness.js';

const { like, eachLike, integer, number } = MatchersV3;

describe('cosec-sub → ordering-pub (OrderCreated, and the replies to ApproveOrder and RejectOrder)', () => {
  const contract = consumerContract('cosec-sub', 'ordering-pub');
  afterAll(() => contract.expectCommitted());

  it('starts the saga for a created order: AuthorizeCustomer for its customer', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a basket is checked out', { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' })
      .expectsToReceive('an OrderCreated message', (b) =>
        b
          .withJSONContent({
            id: nonBlank('order-1'),
            customerId: nonBlank('customer-1'),
            paymentId: nonBlank('payment-1'),
            shoppingId: like(''),
            items: eachLike({ productId: nonBlank('p-1'), storeId: nonBlank('s-1'), price: number(1.25), quantity: integer(2) }),
          })
          .withMetadata({ subject: CosecChannel.OrderEvents, name: M.OrderCreated }),
      )
      .executeTest(async (m) => {
        const { registry, publisher, saga, orderEvents } = createOrderSagaHarness();
        const event = pactEvent<OrderCreated>(registry, m, { id: 'order-created-1' });
        await orderEvents.onOrderCreated(event);

        expect(await saga.get('order-1')).toMatchObject({
          status: 'running',
          step: 1,
          data: { orderId: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', items: [{ productId: 'p-1', storeId: 's-1', price: 1.25, quantity: 2 }], total: 2.5 },
        });
        expect(publisher.names()).toEqual([M.AuthorizeCustomer]);
        expect(registry.deserialize(M.AuthorizeCustomer, publisher.last().payload)).toEqual({ id: 'customer-1' });
        expect(publisher.last().headers[Header.CausationId]).toBe('order-created-1');
      });
  });

  it('completes the saga when the order is approved', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a pending order', { id: 'order-1' })
      .expectsToReceive('a success reply to ApproveOrder', (b) => b.withJSONContent(like({})).withMetadata(sagaReply(SuccessReply, 'SUCCESS', '5', 'false')))
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created', 'ok', 'ok');
        expect(t.publisher.last().name).toBe(M.ApproveOrder);
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([]);
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'completed', step: 5, done: true, compensating: false });
      });
  });

  it('cancels the shopping list when the order cannot be approved, keeping the reason', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a cancelled order', { id: 'order-1' })
      .expectsToReceive('a failure reply to ApproveOrder', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '5', 'false', 'the order cannot be approved')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('ok', 'list-created', 'ok', 'ok');
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.CancelShoppingList]);
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 2, lastError: 'the order cannot be approved' });
      });
  });

  it('ends the compensated saga when the order is rejected', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a pending order', { id: 'order-1' })
      .expectsToReceive('a success reply to RejectOrder', (b) => b.withJSONContent(like({})).withMetadata(sagaReply(SuccessReply, 'SUCCESS', '0', 'true')))
      .executeTest(async (m) => {
        const t = await sagaAfter('refuse');
        expect(t.publisher.last().name).toBe(M.RejectOrder);
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([]);
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensated', step: 0, done: true, compensating: true });
      });
  });

  it('sends RejectOrder again when ordering refuses it', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('an approved order', { id: 'order-1' })
      .expectsToReceive('a failure reply to RejectOrder', (b) =>
        b.withJSONContent(like({})).withMetadata(sagaReply(FailureReply, 'FAILURE', '0', 'true', 'the order cannot be rejected')),
      )
      .executeTest(async (m) => {
        const t = await sagaAfter('refuse');
        await t.replies.onReply(fromPactMessage(t.registry, m));

        expect(t.sentSince()).toEqual([M.RejectOrder]);
        expect(t.publisher.last().headers[SagaHeader.CommandAttempt]).toBe('2');
        expect(await t.saga.get('order-1')).toMatchObject({ status: 'compensating', step: 0, attempts: 2, lastError: 'the order cannot be rejected' });
      });
  });
});
