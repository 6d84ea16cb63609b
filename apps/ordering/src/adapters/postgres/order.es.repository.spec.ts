import { EventDispatcher, Money, NotFoundError } from '@mallbots/ddd';
import { InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { Order, OrderAggregate, OrderSnapshotV1Name } from '../../domain/index.js';
import { ORDER_SNAPSHOT_EVERY, OrderEsRepository } from './order.es.repository.js';

describe('OrderEsRepository', () => {
  const setup = () => {
    const snapshots = new InMemorySnapshotStore();
    const dispatched: string[] = [];
    const dispatcher = new EventDispatcher().subscribe((e) => void dispatched.push(e.name));
    const orders = new OrderEsRepository({ eventStore: new InMemoryEventStore(), snapshotStore: snapshots, tx: new InMemoryTransactionRunner(), dispatcher });
    return { orders, snapshots, dispatched };
  };
  const newOrder = () =>
    Order.create('o-1', {
      customerId: 'c-1',
      paymentId: 'p-1',
      items: [{ productId: 'p', storeId: 's', storeName: 'S', productName: 'P', price: Money.fromDecimal(2.5), quantity: 3 }],
    });

  it('finds nothing and gets NotFound "order <id> not found" for an unknown id', async () => {
    const { orders } = setup();
    await expect(orders.find('nope')).resolves.toBeUndefined();
    await expect(orders.get('nope')).rejects.toEqual(new NotFoundError('order nope not found'));
  });

  it(`saves, dispatches, snapshots every ${ORDER_SNAPSHOT_EVERY} events, and loads the same order back`, async () => {
    const { orders, snapshots, dispatched } = setup();
    const order = newOrder();
    await orders.save(order);
    order.approve('shopping-1');
    await orders.save(order);
    expect(await snapshots.load(OrderAggregate, 'o-1')).toBeUndefined();

    const loaded = await orders.get('o-1');
    loaded.ready();
    await orders.save(loaded);

    expect(dispatched).toEqual(['ordering.OrderCreated', 'ordering.OrderApproved', 'ordering.OrderReadied']);
    expect(await snapshots.load(OrderAggregate, 'o-1')).toMatchObject({ streamVersion: 3, name: OrderSnapshotV1Name });
    const again = await orders.get('o-1');
    expect([again.version, again.status, again.shoppingId, again.total().cents]).toEqual([3, 'ready', 'shopping-1', 750]);
  });
});
