// Contract ordering-sub → depot-pub: ShoppingListCompleted, which makes the list's order ready. The message is
// decoded with ordering's own codecs and handled by the real consumer, whose ReadyOrderCommand runs the real handler
// on the event-sourced repository (in-memory stores) holding the approved order.
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { givenOrder, inMemoryOrders } from '../../application/orders.fixture.js';
import { ReadyOrderCommand } from '../../application/ready-order/ready-order.command.js';
import { ReadyOrderHandler } from '../../application/ready-order/ready-order.handler.js';
import { OrderReadiedEvent, OrderStatus } from '../../domain/index.js';
import { OrderingChannel, OrderingMessage, orderingRegistry } from './ordering.messages.js';
import { ShoppingListEventsConsumer } from './shopping-list-events.consumer.js';

const { uuid } = MatchersV3;

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// The depot generates the list id (a UUID); the order id is the checked-out basket's. The provider state seeds the
// list, assigned to a bot, for that order.
const SHOPPING_LIST_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ORDER_ID = '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a093';

describe('ordering-sub ← depot-pub (message pact)', () => {
  const contract = consumerContract('ordering-sub', 'depot-pub');
  const registry = orderingRegistry();

  afterAll(() => contract.expectCommitted());

  it('makes the approved order of the list ready from ShoppingListCompleted', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('an assigned shopping list exists', { id: SHOPPING_LIST_ID, orderId: ORDER_ID })
      .expectsToReceive('a ShoppingListCompleted message', (b) =>
        b
          .withJSONContent({ id: uuid(SHOPPING_LIST_ID), orderId: nonBlank(ORDER_ID) })
          .withMetadata({ subject: OrderingChannel.ShoppingListEvents, name: OrderingMessage.ShoppingListCompleted }),
      )
      .executeTest(async (message) => {
        const kit = inMemoryOrders();
        await givenOrder(kit, ORDER_ID, 'approved');
        const handler = new ReadyOrderHandler(kit.orders);
        const bus = {
          execute: (command: unknown) => (command instanceof ReadyOrderCommand ? handler.execute(command) : Promise.reject(new Error(`unexpected command ${String(command)}`))),
        } as unknown as CommandBus;

        await new ShoppingListEventsConsumer(bus).onCompleted(pactEvent(registry, message));

        expect((await kit.orders.get(ORDER_ID)).status).toBe(OrderStatus.Ready);
        expect(kit.savedNames()).toEqual([OrderReadiedEvent]);
      }));
});
