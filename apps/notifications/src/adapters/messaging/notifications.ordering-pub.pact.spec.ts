// Contract notifications-sub → ordering-pub: the order events that text the customer. Each delivered event is decoded
// with notifications' own registry and handed to the real OrderEventsConsumer, whose NotifyCustomerHandler records
// the text on in-memory doubles; the test checks the notification recorded for the order's customer.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { CustomerDirectory } from '../../application/customer-cache/customer-directory.js';
import { NotifyCustomerCommand } from '../../application/notify-customer/notify-customer.command.js';
import { NotifyCustomerHandler } from '../../application/notify-customer/notify-customer.handler.js';
import { FakeCustomersService, InMemoryCustomerCache, InMemoryNotifications } from '../../application/testing/in-memory.js';
import { CachedCustomer, type NotificationKind } from '../../domain/index.js';
import { OrderingChannel, OrderingMessage, notificationsRegistry } from './notifications.messages.js';
import { OrderEventsConsumer } from './order-events.consumer.js';

const { like, eachLike, integer, number, regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = notificationsRegistry();

/** The ids every order event carries. */
const order = { id: nonBlank('order-1'), customerId: nonBlank('customer-1'), paymentId: nonBlank('payment-1') };
const orderState = { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' };

const cases: Array<[description: string, state: string, name: string, content: Record<string, unknown>, method: 'created' | 'readied' | 'canceled' | 'rejected', kind: NotificationKind]> = [
  [
    'an OrderCreated message',
    'a basket is checked out',
    OrderingMessage.OrderCreated,
    { ...order, shoppingId: like(''), items: eachLike({ productId: nonBlank('p-1'), storeId: nonBlank('s-1'), price: number(1.25), quantity: integer(2) }) },
    'created',
    'order_created',
  ],
  ['an OrderReadied message', 'an approved order', OrderingMessage.OrderReadied, { ...order, total: number(2.5) }, 'readied', 'order_ready'],
  ['an OrderCanceled message', 'a pending order', OrderingMessage.OrderCanceled, order, 'canceled', 'order_canceled'],
  ['an OrderRejected message', 'a pending order', OrderingMessage.OrderRejected, order, 'rejected', 'order_rejected'],
];

describe('notifications-sub → ordering-pub (the order events that text the customer)', () => {
  const contract = consumerContract('notifications-sub', 'ordering-pub');
  afterAll(() => contract.expectCommitted());

  it.each(cases)('%s (given %s) texts the order’s customer', async (description, state, name, content, method, kind) => {
    await contract.pact
      .addAsynchronousInteraction()
      .given(state, orderState)
      .expectsToReceive(description, (b) => b.withJSONContent(content).withMetadata({ subject: OrderingChannel.Events, name }))
      .executeTest(async (m) => {
        const cache = new InMemoryCustomerCache();
        await cache.save(CachedCustomer.unknown('customer-1').registered({ name: 'Ann', smsNumber: '555-0100' }, new Date()), true, 'event');
        const customers = new FakeCustomersService();
        const notifications = new InMemoryNotifications();
        const notify = new NotifyCustomerHandler(new CustomerDirectory(cache, customers), notifications);
        const bus = {
          execute: async (command: unknown) => {
            if (command instanceof NotifyCustomerCommand) return notify.execute(command);
            throw new Error(`unexpected command ${String(command)}`);
          },
        } as unknown as CommandBus;

        const event = pactEvent(registry, m, { id: 'event-1' });
        await new OrderEventsConsumer(bus)[method](event as never);

        expect(notifications.rows).toEqual([expect.objectContaining({ orderId: 'order-1', customerId: 'customer-1', kind, smsNumber: '555-0100', status: 'pending', eventId: 'event-1' })]);
        expect(customers.calls).toEqual([]);
      });
  });
});
