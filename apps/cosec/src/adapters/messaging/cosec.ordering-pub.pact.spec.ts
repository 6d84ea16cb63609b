// Contract cosec-sub → ordering-pub: OrderCreated, which starts the saga, and ordering's replies to the saga's
// ApproveOrder and RejectOrder. OrderCreated goes into the real OrderEventsConsumer and StartCreateOrderSagaHandler;
// each reply into the real SagaRepliesConsumer of a real saga (libs/sec orchestrator on in-memory doubles) that
// waits for it. The test checks what the saga does: its first command, its end, its compensation or a retry.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, Header, SuccessReply } from '@mallbots/am';
import type { OrderCreated } from '@mallbots/contracts/ordering';
import { fromPactMessage, pactEvent } from '@mallbots/am/testing';
import { SagaHeader, SagaMetrics, SagaOrchestrator } from '@mallbots/sec';
import { InMemorySagaStore, RecordingPublisher, replyTo } from '@mallbots/sec/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { Registry } from 'prom-client';
import type { CommandBus } from '@nestjs/cqrs';
import { StartCreateOrderSagaCommand } from '../../application/start-create-order-saga/start-create-order-saga.command.js';
import { StartCreateOrderSagaHandler } from '../../application/start-create-order-saga/start-create-order-saga.handler.js';
import { createOrderData, type CreateOrderData } from '../../domain/index.js';
import { CosecChannel, CosecMessage as M, cosecRegistry } from './cosec.messages.js';
import { createOrderSaga } from './create-order.saga.js';
import { OrderEventsConsumer } from './order-events.consumer.js';
import { SagaRepliesConsumer } from './saga-replies.consumer.js';

const { like, eachLike, integer, number, regex } = MatchersV3;

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
        const event = pactEvent<OrderCreated>(registry, m, { id: 'order-created-1' });
        await new OrderEventsConsumer(bus).onOrderCreated(event);

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
