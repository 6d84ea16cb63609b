// Contract depot-sub → cosec-pub: the create-order saga's commands to the depot, as depot's command consumer handles
// them. Each delivered command runs through libs/am's reply protocol into the real DepotCommandsConsumer and the real
// use cases on in-memory doubles; the test checks what happened to the shopping list and the reply sent back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { Header, type Message, SuccessReply } from '@mallbots/am';
import { fromPactMessage, type PactDeliveredMessage } from '@mallbots/am/testing';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import { DepotFixture, STORE, WIZARD } from '../../application/testing/depot.fixture.js';
import { ShoppingListEvent } from '../../domain/index.js';
import { DepotChannel, DepotMessage, depotRegistry } from './depot.messages.js';
import { deliverCommand, SAGA_REPLIES as REPLIES } from './testing/depot.pact-harness.js';

const { eachLike, integer, regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = depotRegistry();

/** How cosec addresses a saga command (libs/sec): where to reply, and which saga send the reply must name. */
function sagaCommand(name: string, step: string, compensating: 'true' | 'false') {
  return {
    subject: DepotChannel.Commands,
    name,
    [Header.CommandReplyChannel]: REPLIES,
    [Header.CommandSagaId]: nonBlank('order-1'),
    [Header.CommandSagaName]: 'cosec.CreateOrder',
    [SagaHeader.CommandStep]: regex('^\\d+$', step),
    [SagaHeader.CommandCompensating]: regex('^(true|false)$', compensating),
    [SagaHeader.CommandAttempt]: regex('^[1-9]\\d*$', '1'),
  };
}

/** The saga send a reply answers: every COMMAND_* header of the delivered command copied back as REPLY_*. */
function sagaReplyHeaders(step: string, compensating: 'true' | 'false') {
  return {
    [Header.ReplySagaId]: 'order-1',
    [Header.ReplySagaName]: 'cosec.CreateOrder',
    [SagaHeader.ReplyStep]: step,
    [SagaHeader.ReplyCompensating]: compensating,
    [SagaHeader.ReplyAttempt]: '1',
  };
}

/** The depot's command consumer over the real use cases on the fixture's doubles; returns the replies it published. */
async function deliver(f: DepotFixture, delivered: PactDeliveredMessage): Promise<Message[]> {
  return (await deliverCommand(f, fromPactMessage(registry, delivered))).messages;
}

describe('depot-sub → cosec-pub (the saga commands depot answers)', () => {
  const contract = consumerContract('depot-sub', 'cosec-pub');
  afterAll(() => contract.expectCommitted());

  it('builds the shopping list a CreateShoppingList asks for and answers CreatedShoppingList with its id', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('the customer of the order is authorized', { orderId: 'order-1' })
      .expectsToReceive('a CreateShoppingList command', (b) =>
        b
          .withJSONContent({ orderId: nonBlank('order-1'), items: eachLike({ productId: nonBlank(WIZARD.id), storeId: nonBlank(STORE.id), quantity: integer(2) }) })
          .withMetadata(sagaCommand(DepotMessage.CreateShoppingList, '2', 'false')),
      )
      .executeTest(async (m) => {
        const f = await new DepotFixture().withCatalog();
        const replies = await deliver(f, m);

        const lists = [...f.lists.rows.values()];
        expect(lists).toEqual([
          expect.objectContaining({ orderId: 'order-1', status: 'pending', stops: { [STORE.id]: expect.objectContaining({ items: { [WIZARD.id]: { name: WIZARD.name, quantity: 2 } } }) } }),
        ]);
        expect(replies).toHaveLength(1);
        expect(replies[0]).toMatchObject({
          name: DepotMessage.CreatedShoppingList,
          subject: REPLIES,
          headers: { [Header.ReplyOutcome]: 'SUCCESS', ...sagaReplyHeaders('2', 'false') },
        });
        expect(registry.deserialize(DepotMessage.CreatedShoppingList, replies[0]!.payload)).toEqual({ id: lists[0]!.id });
      });
  });

  it('cancels the shopping list a CancelShoppingList names and answers am.Success', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('the payment of the order is refused', { orderId: 'order-1', shoppingId: 'shopping-1' })
      .expectsToReceive('a CancelShoppingList command', (b) =>
        b.withJSONContent({ id: nonBlank('shopping-1') }).withMetadata(sagaCommand(DepotMessage.CancelShoppingList, '2', 'true')),
      )
      .executeTest(async (m) => {
        const f = await new DepotFixture().withCatalog();
        await f.storedList('pending', 'shopping-1', 'order-1');
        const replies = await deliver(f, m);

        expect(f.lists.rows.get('shopping-1')?.status).toBe('canceled');
        expect(f.dispatched.map((e) => e.name)).toEqual([ShoppingListEvent.Canceled]);
        expect(replies).toEqual([
          expect.objectContaining({ name: SuccessReply, subject: REPLIES, headers: expect.objectContaining({ [Header.ReplyOutcome]: 'SUCCESS', ...sagaReplyHeaders('2', 'true') }) }),
        ]);
      });
  });

  it('makes the shopping list an InitiateShopping names available to bots and answers am.Success', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('the payment of the order is confirmed', { orderId: 'order-1', shoppingId: 'shopping-1' })
      .expectsToReceive('an InitiateShopping command', (b) =>
        b.withJSONContent({ id: nonBlank('shopping-1') }).withMetadata(sagaCommand(DepotMessage.InitiateShopping, '4', 'false')),
      )
      .executeTest(async (m) => {
        const f = await new DepotFixture().withCatalog();
        await f.storedList('pending', 'shopping-1', 'order-1');
        const replies = await deliver(f, m);

        expect(f.lists.rows.get('shopping-1')?.status).toBe('available');
        expect(f.dispatched.map((e) => e.name)).toEqual([ShoppingListEvent.Initiated]);
        expect(replies).toEqual([
          expect.objectContaining({ name: SuccessReply, subject: REPLIES, headers: expect.objectContaining({ [Header.ReplyOutcome]: 'SUCCESS', ...sagaReplyHeaders('4', 'false') }) }),
        ]);
      });
  });
});
