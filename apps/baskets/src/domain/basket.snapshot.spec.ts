import { jest } from '@jest/globals';
import { Money } from '@mallbots/ddd';
import { AggregateRepository, everyNEvents, InMemoryEventStore, InMemorySnapshotStore, type RecordedEvent, type Snapshot } from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { Basket, BasketAggregate } from './basket.aggregate.js';
import { createBasketRegistry } from './basket.registry.js';
import { Product } from './product.value.js';
import { Store } from './store.value.js';

const books = Store.of({ id: 'store-1', name: 'Waldorf Books' });
const toys = Store.of({ id: 'store-2', name: 'Toy Planet' });
const wizard = Product.of({ id: 'product-1', storeId: 'store-1', name: 'Wizard w/ crystal', price: Money.fromDecimal(9.98) });
const bookmark = Product.of({ id: 'product-2', storeId: 'store-1', name: 'Bookmark', price: Money.fromDecimal(0.1) });
const robot = Product.of({ id: 'product-3', storeId: 'store-2', name: 'Robot', price: Money.fromDecimal(24.5) });

/** Seven commands, one event each: start, adds, removes, checkout. */
const commands: Array<(basket: Basket) => void> = [
  (b) => b.start('customer-1'),
  (b) => b.addItem(books, wizard, 2),
  (b) => b.addItem(books, bookmark, 3),
  (b) => b.addItem(toys, robot, 1),
  (b) => b.removeItem(wizard.id, 1),
  (b) => b.removeItem(robot.id, 1),
  (b) => b.checkout('payment-1'),
];

/** The snapshot as it comes back from a jsonb column. */
function stored(snapshot: Snapshot): Snapshot {
  return JSON.parse(JSON.stringify(snapshot)) as Snapshot;
}

describe('Basket snapshots', () => {
  it('toSnapshot records baskets.BasketV1 v1 with every field, prices in cents and lines in order', () => {
    const basket = new Basket('basket-1');
    commands.slice(0, 5).forEach((command) => command(basket));

    expect(stored(basket.toSnapshot())).toEqual({
      name: 'baskets.BasketV1',
      version: 1,
      data: {
        customerId: 'customer-1',
        paymentId: null,
        status: 'open',
        items: [
          { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-1', productName: 'Wizard w/ crystal', price: 998, quantity: 1 },
          { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-2', productName: 'Bookmark', price: 10, quantity: 3 },
          { storeId: 'store-2', storeName: 'Toy Planet', productId: 'product-3', productName: 'Robot', price: 2450, quantity: 1 },
        ],
      },
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('a snapshot at version %p plus the newer events rebuilds the same basket as a full replay', (at) => {
    const original = new Basket('basket-1');
    commands.forEach((command) => command(original));
    const history: RecordedEvent[] = original.events.map((event, i) => ({ streamVersion: i + 1, event }));
    original.commitEvents();
    const atSnapshot = new Basket('basket-1').replay(history.slice(0, at));

    const rebuilt = new Basket('basket-1').restore(stored(atSnapshot.toSnapshot()), at).replay(history.slice(at));

    expect(rebuilt.toSnapshot()).toEqual(original.toSnapshot());
    expect([rebuilt.version, rebuilt.status, rebuilt.paymentId, rebuilt.total().toString()]).toEqual([7, 'checked_out', 'payment-1', '10.28']);
  });

  it('restoring replaces whatever state the basket object had, lines included', () => {
    const before = Basket.start('basket-1', 'customer-9');
    before.addItem(toys, robot, 4);
    before.commitEvents();
    const snapshotted = Basket.start('basket-1', 'customer-1');
    snapshotted.addItem(books, wizard, 2);
    snapshotted.checkout('payment-1');

    const restored = before.restore(stored(snapshotted.toSnapshot()), 3);

    expect([restored.status, restored.customerId, restored.paymentId, restored.version]).toEqual(['checked_out', 'customer-1', 'payment-1', 3]);
    expect(restored.items.map((item) => [item.productId, item.quantity])).toEqual([['product-1', 2]]);
    expect(restored.total().toString()).toBe('19.96');
  });

  it.each<[string, Snapshot]>([
    ['another type', { name: 'baskets.BasketV2', version: 1, data: {} }],
    ['another schema version', { name: 'baskets.BasketV1', version: 2, data: {} }],
  ])('refuses to restore %s (a wiring bug: the repository only hands over current snapshots)', (_case, snapshot) => {
    expect(() => new Basket('basket-1').restore(snapshot, 3)).toThrow(`cannot restore a basket from snapshot ${snapshot.name} v${snapshot.version}`);
  });

  it('through the repository: saved command by command, every 3 events snapshotted, loaded from the snapshot and the newer events', async () => {
    const eventStore = new InMemoryEventStore();
    const snapshotStore = new InMemorySnapshotStore();
    const repository = new AggregateRepository<Basket>({
      streamName: BasketAggregate,
      factory: (id) => new Basket(id),
      eventStore,
      snapshotStore,
      strategy: everyNEvents(3),
      registry: createBasketRegistry(),
      tx: new InMemoryTransactionRunner(),
    });
    const reference = new Basket('basket-1');
    let basket = new Basket('basket-1');
    for (const command of commands) {
      command(basket);
      command(reference);
      await repository.save(basket);
      basket = await repository.get('basket-1');
    }
    const loadEvents = jest.spyOn(eventStore, 'load');

    const loaded = await repository.get('basket-1');

    expect(await snapshotStore.load(BasketAggregate, 'basket-1')).toMatchObject({ name: 'baskets.BasketV1', version: 1, streamVersion: 6 });
    expect(loadEvents).toHaveBeenCalledWith(BasketAggregate, 'basket-1', 6);
    expect(loaded.toSnapshot()).toEqual(reference.toSnapshot());
    expect([loaded.version, loaded.total().toString()]).toEqual([7, '10.28']);
  });
});
