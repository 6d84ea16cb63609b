// Contract search-sub → ordering-pub: every order event, projected into the search read model. Each delivered event is
// decoded with search's own registry and handed to the real OrderEventsConsumer and OrderProjector (names resolved
// by the real NameResolver from in-memory caches); the test checks what was written to the read model.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { pactEvent } from '@mallbots/am/testing';
import { Money } from '@mallbots/ddd';
import { consumerContract } from '@mallbots/testing/pact';
import { NameResolver } from '../../application/names/name-resolver.js';
import { OrderProjector } from '../../application/order-projection/order.projector.js';
import type { OrderReadModel, StatusChange } from '../../application/ports/order-read-model.port.js';
import { FakeNameCache, FakeProductCache, FakeRemoteServices } from '../../application/testing/fakes.js';
import { type OrderRecord, OrderStatus } from '../../domain/index.js';
import { OrderEventsConsumer } from './order-events.consumer.js';
import { SearchChannel, SearchMessage, searchRegistry } from './search.messages.js';

const { like, eachLike, integer, number, regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = searchRegistry();

/** A read model that records its writes. */
function recordingReadModel() {
  const created: OrderRecord[] = [];
  const changes: StatusChange[] = [];
  const unused = () => Promise.reject(new Error('not expected'));
  const model: OrderReadModel = {
    created: async (record) => void created.push(record),
    statusChanged: async (change) => void changes.push(change),
    customerNamed: unused,
    find: unused,
    search: unused,
  };
  return { model, created, changes };
}

async function consumer(model: OrderReadModel): Promise<OrderEventsConsumer> {
  const customers = new FakeNameCache();
  const stores = new FakeNameCache();
  const products = new FakeProductCache();
  await customers.registered('customer-1', 'Ann');
  await stores.created('s-1', 'Corner Store');
  await products.added({ id: 'p-1', storeId: 's-1', name: 'Widget' });
  const remote = new FakeRemoteServices();
  return new OrderEventsConsumer(new OrderProjector(model, new NameResolver(customers, stores, products, remote, remote)));
}

/** The ids every order event but OrderCompleted carries. */
const order = { id: nonBlank('order-1'), customerId: nonBlank('customer-1'), paymentId: nonBlank('payment-1') };
const orderState = { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' };

describe('search-sub → ordering-pub (the order events search projects)', () => {
  const contract = consumerContract('search-sub', 'ordering-pub');
  afterAll(() => contract.expectCommitted());

  it('projects a created order with its lines, names and total', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a basket is checked out', orderState)
      .expectsToReceive('an OrderCreated message', (b) =>
        b
          .withJSONContent({ ...order, shoppingId: like(''), items: eachLike({ productId: nonBlank('p-1'), storeId: nonBlank('s-1'), price: number(1.25), quantity: integer(2) }) })
          .withMetadata({ subject: SearchChannel.Orders, name: SearchMessage.OrderCreated }),
      )
      .executeTest(async (m) => {
        const { model, created } = recordingReadModel();
        const event = pactEvent(registry, m);
        await (await consumer(model)).orderCreated(event as never);

        expect(created).toEqual([
          {
            orderId: 'order-1',
            customerId: 'customer-1',
            customerName: 'Ann',
            paymentId: 'payment-1',
            items: [{ productId: 'p-1', storeId: 's-1', productName: 'Widget', storeName: 'Corner Store', price: Money.fromDecimal(1.25), quantity: 2 }],
            total: Money.fromDecimal(2.5),
            status: OrderStatus.Pending,
            createdAt: event.occurredAt,
          },
        ]);
      });
  });

  const statusCases: Array<[description: string, state: string, name: string, content: Record<string, unknown>, status: OrderStatus, paymentId: string]> = [
    ['an OrderApproved message', 'a pending order', SearchMessage.OrderApproved, order, OrderStatus.Approved, 'payment-1'],
    ['an OrderRejected message', 'a pending order', SearchMessage.OrderRejected, order, OrderStatus.Rejected, 'payment-1'],
    ['an OrderCanceled message', 'a pending order', SearchMessage.OrderCanceled, order, OrderStatus.Cancelled, 'payment-1'],
    ['an OrderReadied message', 'an approved order', SearchMessage.OrderReadied, { ...order, total: number(2.5) }, OrderStatus.Ready, 'payment-1'],
    // OrderCompleted carries the invoice instead of the payment.
    ['an OrderCompleted message', 'a ready order', SearchMessage.OrderCompleted, { id: nonBlank('order-1'), customerId: nonBlank('customer-1'), invoiceId: nonBlank('invoice-1') }, OrderStatus.Completed, ''],
  ];

  it.each(statusCases)('%s (given %s) moves the order’s status on', async (description, state, name, content, status, paymentId) => {
    await contract.pact
      .addAsynchronousInteraction()
      .given(state, orderState)
      .expectsToReceive(description, (b) => b.withJSONContent(content).withMetadata({ subject: SearchChannel.Orders, name }))
      .executeTest(async (m) => {
        const { model, changes } = recordingReadModel();
        await (await consumer(model)).orderStatusChanged(pactEvent(registry, m) as never);

        expect(changes).toEqual([{ orderId: 'order-1', customerId: 'customer-1', paymentId, status }]);
      });
  });
});
