// Contract ordering-sub → baskets-pub: BasketCheckedOut, which becomes a pending order under the basket's id with
// the basket's copies of names and prices. The message is decoded with ordering's own codecs and handled by the real
// consumer, whose CreateOrderCommand runs the real handler on the event-sourced repository (in-memory stores).
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { CreateOrderCommand } from '../../application/create-order/create-order.command.js';
import { CreateOrderHandler } from '../../application/create-order/create-order.handler.js';
import { inMemoryOrders } from '../../application/orders.fixture.js';
import { OrderStatus } from '../../domain/index.js';
import { BasketEventsConsumer } from './basket-events.consumer.js';
import { OrderingChannel, OrderingMessage, orderingRegistry } from './ordering.messages.js';

const { eachLike, integer, like, number, uuid } = MatchersV3;

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// Baskets generates the basket id (a UUID), which becomes the order id; the provider state seeds the basket.
const BASKET_ID = '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a093';
const CUSTOMER_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b92';

describe('ordering-sub ← baskets-pub (message pact)', () => {
  const contract = consumerContract('ordering-sub', 'baskets-pub');
  const registry = orderingRegistry();

  afterAll(() => contract.expectCommitted());

  it('creates a pending order under the basket id, with the lines and exact prices, from BasketCheckedOut', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('an open basket with items exists', { id: BASKET_ID, customerId: CUSTOMER_ID })
      .expectsToReceive('a BasketCheckedOut message', (b) =>
        b
          .withJSONContent({
            id: uuid(BASKET_ID),
            customerId: nonBlank(CUSTOMER_ID),
            paymentId: nonBlank('payment-id'),
            items: eachLike({
              storeId: nonBlank('store-id'),
              productId: nonBlank('product-id'),
              storeName: like('Store ABC'),
              productName: like('Product ABC'),
              price: number(9.99),
              quantity: integer(5),
            }),
          })
          .withMetadata({ subject: OrderingChannel.BasketEvents, name: OrderingMessage.BasketCheckedOut }),
      )
      .executeTest(async (message) => {
        const kit = inMemoryOrders();
        const handler = new CreateOrderHandler(kit.orders);
        const bus = {
          execute: (command: unknown) => (command instanceof CreateOrderCommand ? handler.execute(command) : Promise.reject(new Error(`unexpected command ${String(command)}`))),
        } as unknown as CommandBus;

        await new BasketEventsConsumer(bus).onCheckedOut(pactEvent(registry, message));

        const order = await kit.orders.get(BASKET_ID);
        expect([order.status, order.customerId, order.paymentId]).toEqual([OrderStatus.Pending, CUSTOMER_ID, 'payment-id']);
        expect(order.items.map((i) => [i.storeId, i.productId, i.storeName, i.productName, i.price.cents, i.quantity])).toEqual([
          ['store-id', 'product-id', 'Store ABC', 'Product ABC', 999, 5],
        ]);
      }));
});
