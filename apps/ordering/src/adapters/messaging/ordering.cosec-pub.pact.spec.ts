// Contract ordering-sub → cosec-pub: the create-order saga's ApproveOrder and RejectOrder, as ordering's command
// consumer handles them — through libs/am's reply protocol into the real OrderCommandsConsumer and use cases on the
// real event-sourced repository over in-memory stores; the test checks the order and the reply sent back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { Header, type Message, SuccessReply } from '@mallbots/am';
import { fromPactMessage, type PactDeliveredMessage } from '@mallbots/am/testing';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import { givenOrder, inMemoryOrders, type OrdersKit } from '../../application/orders.fixture.js';
import { OrderApprovedEvent, OrderRejectedEvent, OrderStatus } from '../../domain/index.js';
import { OrderingChannel, OrderingMessage, orderingRegistry } from './ordering.messages.js';
import { deliverCommand, SAGA_REPLIES as REPLIES } from './testing/ordering.pact-harness.js';

const { regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = orderingRegistry();

/** How cosec addresses a saga command (libs/sec): where to reply, and which saga send the reply must name. */
function sagaCommand(name: string, step: string, compensating: 'true' | 'false') {
  return {
    subject: OrderingChannel.Commands,
    name,
    [Header.CommandReplyChannel]: REPLIES,
    [Header.CommandSagaId]: nonBlank('order-1'),
    [Header.CommandSagaName]: 'cosec.CreateOrder',
    [SagaHeader.CommandStep]: regex('^\\d+$', step),
    [SagaHeader.CommandCompensating]: regex('^(true|false)$', compensating),
    [SagaHeader.CommandAttempt]: regex('^[1-9]\\d*$', '1'),
  };
}

/** The success reply to the saga send at `step`: every COMMAND_* header copied back as REPLY_*. */
function successReplyTo(step: string, compensating: 'true' | 'false') {
  return expect.objectContaining({
    name: SuccessReply,
    subject: REPLIES,
    headers: expect.objectContaining({
      [Header.ReplyOutcome]: 'SUCCESS',
      [Header.ReplySagaId]: 'order-1',
      [Header.ReplySagaName]: 'cosec.CreateOrder',
      [SagaHeader.ReplyStep]: step,
      [SagaHeader.ReplyCompensating]: compensating,
      [SagaHeader.ReplyAttempt]: '1',
    }),
  });
}

/** Ordering's command consumer over the real use cases; returns the replies it published. */
async function deliver(kit: OrdersKit, delivered: PactDeliveredMessage): Promise<Message[]> {
  return (await deliverCommand(kit.orders, fromPactMessage(registry, delivered))).messages;
}

describe('ordering-sub → cosec-pub (the saga commands ordering answers)', () => {
  const contract = consumerContract('ordering-sub', 'cosec-pub');
  afterAll(() => contract.expectCommitted());

  it('approves the pending order an ApproveOrder names, with its shopping list, and answers am.Success', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('shopping for the order is initiated', { orderId: 'order-1', shoppingId: 'shopping-1' })
      .expectsToReceive('an ApproveOrder command', (b) =>
        b.withJSONContent({ id: nonBlank('order-1'), shoppingId: nonBlank('shopping-1') }).withMetadata(sagaCommand(OrderingMessage.ApproveOrder, '5', 'false')),
      )
      .executeTest(async (m) => {
        const kit = inMemoryOrders();
        await givenOrder(kit, 'order-1', 'pending');
        const replies = await deliver(kit, m);

        const order = await kit.orders.get('order-1');
        expect([order.status, order.shoppingId]).toEqual([OrderStatus.Approved, 'shopping-1']);
        expect(kit.savedNames()).toEqual([OrderApprovedEvent]);
        expect(replies).toEqual([successReplyTo('5', 'false')]);
      });
  });

  it('rejects the pending order a RejectOrder names and answers am.Success', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('the customer of the order is refused', { orderId: 'order-1' })
      .expectsToReceive('a RejectOrder command', (b) => b.withJSONContent({ id: nonBlank('order-1') }).withMetadata(sagaCommand(OrderingMessage.RejectOrder, '0', 'true')))
      .executeTest(async (m) => {
        const kit = inMemoryOrders();
        await givenOrder(kit, 'order-1', 'pending');
        const replies = await deliver(kit, m);

        expect((await kit.orders.get('order-1')).status).toBe(OrderStatus.Rejected);
        expect(kit.savedNames()).toEqual([OrderRejectedEvent]);
        expect(replies).toEqual([successReplyTo('0', 'true')]);
      });
  });
});
