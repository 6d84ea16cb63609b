import { isMalformedMessageError } from '@mallbots/am';
import { createEvent, NotFoundError, UnavailableError } from '@mallbots/ddd';
import type { CommandBus } from '@nestjs/cqrs';
import { NotifyCustomerCommand } from '../../application/notify-customer/notify-customer.command.js';
import { OrderingMessage } from './notifications.messages.js';
import { OrderEventsConsumer } from './order-events.consumer.js';

describe('OrderEventsConsumer: which order events text whom', () => {
  let executed: NotifyCustomerCommand[];
  let failure: Error | undefined;
  let consumer: OrderEventsConsumer;

  beforeEach(() => {
    executed = [];
    failure = undefined;
    const bus = {
      execute: async (command: NotifyCustomerCommand) => {
        if (failure) throw failure;
        executed.push(command);
        return 'recorded';
      },
    } as unknown as CommandBus;
    consumer = new OrderEventsConsumer(bus);
  });

  it.each([
    ['created', OrderingMessage.OrderCreated, 'order_created'],
    ['readied', OrderingMessage.OrderReadied, 'order_ready'],
    ['canceled', OrderingMessage.OrderCanceled, 'order_canceled'],
    ['rejected', OrderingMessage.OrderRejected, 'order_rejected'],
  ] as const)('%s: the order’s customer, with the event id', async (method, name, kind) => {
    const event = createEvent(name, { id: 'o1', customerId: 'c1', paymentId: 'p1', shoppingId: '', items: [], total: 1 });
    await consumer[method](event as never);
    expect(executed).toEqual([new NotifyCustomerCommand('o1', 'c1', kind, event.id)]);
  });

  it('dead-letters at once what can never succeed, and lets the rest be redelivered', async () => {
    const event = createEvent(OrderingMessage.OrderCreated, { id: 'o1', customerId: 'ghost', paymentId: '', shoppingId: '', items: [] });
    failure = new NotFoundError('customer ghost not found');
    const final = await consumer.created(event).catch((err: unknown) => err);
    expect(isMalformedMessageError(final)).toBe(true);
    expect((final as Error).message).toBe(`ordersapi.OrderCreated ${event.id} cannot be handled: customer ghost not found`);

    failure = new UnavailableError('the customers service is unavailable');
    await expect(consumer.created(event)).rejects.toBe(failure);
  });
});
