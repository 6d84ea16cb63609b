import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { Order, type OrderEvent } from '../../domain/index.js';
import { OrderIntegrationEvents, integrationEventOf } from './order-integration-events.js';
import { OrderingChannel, OrderingMessage, orderingRegistry } from './ordering.messages.js';

const registry = orderingRegistry();

/** Drives an order through `steps` and returns every event it raised, in order. */
function eventsOf(...steps: ((o: Order) => void)[]): OrderEvent[] {
  const order = Order.create('order-1', {
    customerId: 'customer-1',
    paymentId: 'payment-1',
    items: [
      { productId: 'p-1', storeId: 's-1', storeName: 'Corner Store', productName: 'Widget', price: Money.fromDecimal(1.1), quantity: 2 },
      { productId: 'p-2', storeId: 's-2', storeName: 'Mega Mart', productName: 'Gadget', price: Money.fromDecimal(0.1), quantity: 1 },
    ],
  });
  for (const step of steps) step(order);
  return order.events as OrderEvent[];
}

describe('order integration events', () => {
  it('maps every domain event to its ordersapi message with the contract’s fields (the order id from the stream)', () => {
    const created = eventsOf();
    const completed = eventsOf(
      (o) => o.approve('shopping-1'),
      (o) => o.ready(),
      (o) => o.complete('invoice-1'),
    );
    const rejected = eventsOf((o) => o.reject());
    const cancelled = eventsOf((o) => o.cancel());

    expect([...completed, rejected[1]!, cancelled[1]!].map(integrationEventOf)).toEqual([
      {
        name: OrderingMessage.OrderCreated,
        payload: {
          id: 'order-1',
          customerId: 'customer-1',
          paymentId: 'payment-1',
          shoppingId: '',
          items: [
            { productId: 'p-1', storeId: 's-1', price: 1.1, quantity: 2 },
            { productId: 'p-2', storeId: 's-2', price: 0.1, quantity: 1 },
          ],
        },
      },
      { name: OrderingMessage.OrderApproved, payload: { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' } },
      { name: OrderingMessage.OrderReadied, payload: { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', total: 2.3 } },
      { name: OrderingMessage.OrderCompleted, payload: { id: 'order-1', customerId: 'customer-1', invoiceId: 'invoice-1' } },
      { name: OrderingMessage.OrderRejected, payload: { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' } },
      { name: OrderingMessage.OrderCanceled, payload: { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' } },
    ]);
    expect(created).toHaveLength(1);
  });

  it('publishes each dispatched event to the outbox on the Order channel, under the event’s id, decodable by the contract', async () => {
    const dispatcher = new EventDispatcher();
    const outbox = new RecordingPublisher();
    new OrderIntegrationEvents(dispatcher, outbox, registry).onModuleInit();
    const events = eventsOf(
      (o) => o.approve('shopping-1'),
      (o) => o.ready(),
    );

    await dispatcher.publish(...events);

    expect(outbox.names()).toEqual([OrderingMessage.OrderCreated, OrderingMessage.OrderApproved, OrderingMessage.OrderReadied]);
    expect(outbox.messages.map((m) => [m.id, m.subject])).toEqual(events.map((e) => [e.id, OrderingChannel.Events]));
    expect(registry.deserialize(outbox.last().name, outbox.last().payload)).toEqual({ id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', total: 2.3 });
  });
});
