// Contract ordering-sub → payments-pub: InvoicePaid, which completes the ready order with the paid invoice's id.
// The message is decoded with ordering's own codecs and handled by the real consumer, whose CompleteOrderCommand runs
// the real handler on the event-sourced repository (in-memory stores) holding the ready order.
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { CompleteOrderCommand } from '../../application/complete-order/complete-order.command.js';
import { CompleteOrderHandler } from '../../application/complete-order/complete-order.handler.js';
import { givenOrder, inMemoryOrders } from '../../application/orders.fixture.js';
import { OrderCompletedEvent, OrderStatus } from '../../domain/index.js';
import { InvoiceEventsConsumer } from './invoice-events.consumer.js';
import { OrderingChannel, OrderingMessage, orderingRegistry } from './ordering.messages.js';

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// The provider state seeds the order's pending invoice. Payments gives every invoice its order's id, but ordering
// must not rely on that: the example invoice id differs, so taking the wrong field would fail here.
const ORDER_ID = '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a093';
const INVOICE_ID = 'invoice-id';

describe('ordering-sub ← payments-pub (message pact)', () => {
  const contract = consumerContract('ordering-sub', 'payments-pub');
  const registry = orderingRegistry();

  afterAll(() => contract.expectCommitted());

  it('completes the ready order with the paid invoice from InvoicePaid', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a pending invoice exists', { orderId: ORDER_ID })
      .expectsToReceive('an InvoicePaid message', (b) =>
        b
          .withJSONContent({ id: nonBlank(INVOICE_ID), orderId: nonBlank(ORDER_ID) })
          .withMetadata({ subject: OrderingChannel.InvoiceEvents, name: OrderingMessage.InvoicePaid }),
      )
      .executeTest(async (message) => {
        const kit = inMemoryOrders();
        await givenOrder(kit, ORDER_ID, 'ready');
        const handler = new CompleteOrderHandler(kit.orders);
        const bus = {
          execute: (command: unknown) => (command instanceof CompleteOrderCommand ? handler.execute(command) : Promise.reject(new Error(`unexpected command ${String(command)}`))),
        } as unknown as CommandBus;

        await new InvoiceEventsConsumer(bus).onPaid(pactEvent(registry, message));

        const order = await kit.orders.get(ORDER_ID);
        expect([order.status, order.invoiceId]).toEqual([OrderStatus.Completed, INVOICE_ID]);
        expect(kit.savedNames()).toEqual([OrderCompletedEvent]);
      }));
});
