// Rebuilding orders: replay of stored events, snapshot + newer events, and the registry the repository uses.
// Events and snapshots go through JSON exactly as the event store keeps them (jsonb), so Money that did not
// survive as exact cents would show up here.
import { Money, type DomainEvent } from '@mallbots/ddd';
import { EventSchemaError, UnknownEventTypeError, type RecordedEvent, type Snapshot } from '@mallbots/es';
import { Order } from './order.aggregate.js';
import { createOrderRegistry } from './order.registry.js';

const registry = createOrderRegistry();

const details = {
  customerId: 'customer-1',
  paymentId: 'payment-1',
  items: [
    { productId: 'p1', storeId: 's1', storeName: 'Corner Store', productName: 'Widget', price: Money.fromDecimal(1.1), quantity: 3 },
    { productId: 'p2', storeId: 's2', storeName: 'Mega Mart', productName: 'Gadget', price: Money.fromDecimal(0.1), quantity: 1 },
  ],
};

/** What the event store would hand back: serialised through the registry, through JSON, and deserialised. */
function stored(events: readonly DomainEvent[], firstVersion = 1): RecordedEvent[] {
  return events.map((event, i) => {
    const { name, version, data } = registry.serializeEvent(event);
    const json = JSON.parse(JSON.stringify({ name, version, data, metadata: event.metadata }));
    return { streamVersion: firstVersion + i, event: registry.deserializeEvent({ ...json, id: event.id, occurredAt: event.occurredAt }) };
  });
}

function throughJson(snapshot: Snapshot): Snapshot {
  return JSON.parse(JSON.stringify(snapshot));
}

/** Everything a reader can see of an order. */
function stateOf(order: Order) {
  return {
    id: order.id,
    version: order.version,
    status: order.status,
    customerId: order.customerId,
    paymentId: order.paymentId,
    shoppingId: order.shoppingId,
    invoiceId: order.invoiceId,
    items: order.items,
    total: order.total(),
  };
}

/** A completed order with every event still pending, and its committed twin. */
function completedOrder(): { events: readonly DomainEvent[]; order: Order } {
  const order = Order.create('order-1', details);
  order.approve('shopping-1');
  order.ready();
  order.complete('invoice-1');
  const events = [...order.events];
  order.commitEvents();
  return { events, order };
}

describe('Order registry', () => {
  it.each(['ordering.OrderCreated', 'ordering.OrderApproved', 'ordering.OrderRejected', 'ordering.OrderCanceled', 'ordering.OrderReadied', 'ordering.OrderCompleted'])(
    'registers %s at schema version 1',
    (name) => {
      const stored = { name, version: 2, data: {}, id: 'e1', occurredAt: new Date(), metadata: {} };

      expect(() => registry.deserializeEvent(stored)).toThrow(`event "${name}" is stored at v2, newer than this code's v1`);
    },
  );

  it('registers the snapshot type ordering.OrderV1 at version 1 only', () => {
    expect(registry.isCurrentSnapshot('ordering.OrderV1', 1)).toBe(true);
    expect(registry.isCurrentSnapshot('ordering.OrderV1', 2)).toBe(false);
  });

  it('stores money as integer cents', () => {
    const { events } = completedOrder();

    expect(registry.serializeEvent(events[0]!).data).toEqual({
      customerId: 'customer-1',
      paymentId: 'payment-1',
      items: [
        { productId: 'p1', storeId: 's1', storeName: 'Corner Store', productName: 'Widget', price: 110, quantity: 3 },
        { productId: 'p2', storeId: 's2', storeName: 'Mega Mart', productName: 'Gadget', price: 10, quantity: 1 },
      ],
      total: 340,
    });
    expect(registry.serializeEvent(events[2]!).data).toEqual({ customerId: 'customer-1', paymentId: 'payment-1', total: 340 });
  });

  it('loads every event back with the payload it was raised with (Money and OrderItem included)', () => {
    const { events } = completedOrder();

    const loaded = stored(events).map((r) => r.event);

    expect(loaded.map((e) => [e.name, e.payload])).toStrictEqual(events.map((e) => [e.name, e.payload]));
  });

  it('refuses unknown event names and schema versions newer than the code', () => {
    const base = { id: 'e1', occurredAt: new Date(), metadata: {}, data: {} };

    expect(() => registry.deserializeEvent({ ...base, name: 'ordering.OrderShipped', version: 1 })).toThrow(UnknownEventTypeError);
    expect(() => registry.deserializeEvent({ ...base, name: 'ordering.OrderRejected', version: 2 })).toThrow(EventSchemaError);
  });
});

describe('Order replay and snapshots', () => {
  it('replaying the stored events rebuilds the same order', () => {
    const { events, order } = completedOrder();

    const replayed = new Order('order-1').replay(stored(events));

    expect(stateOf(replayed)).toStrictEqual(stateOf(order));
    expect(replayed.events).toHaveLength(0);
  });

  it.each([1, 2, 3, 4])('a snapshot at version %p plus the newer events rebuilds the same order', (at) => {
    const { events, order } = completedOrder();
    const upToSnapshot = new Order('order-1').replay(stored(events.slice(0, at)));
    const snapshot = throughJson(upToSnapshot.toSnapshot());

    const rebuilt = new Order('order-1').restore(snapshot, at).replay(stored(events.slice(at), at + 1));

    expect(stateOf(rebuilt)).toStrictEqual(stateOf(order));
  });

  it('keeps replaying correctly after a restore: later commands see the restored state', () => {
    const order = Order.create('order-1', details);
    order.commitEvents();
    const restored = new Order('order-1').restore(throughJson(order.toSnapshot()), 1);

    expect(() => restored.ready()).toThrow('the order cannot be readied');
    restored.approve('shopping-1');
    expect(restored.events[0]!.metadata['aggregate-version']).toBe('2');
  });

  it('snapshots the whole state as ordering.OrderV1 v1, prices in cents', () => {
    const { order } = completedOrder();

    expect(throughJson(order.toSnapshot())).toEqual({
      name: 'ordering.OrderV1',
      version: 1,
      data: {
        customerId: 'customer-1',
        paymentId: 'payment-1',
        shoppingId: 'shopping-1',
        invoiceId: 'invoice-1',
        items: [
          { productId: 'p1', storeId: 's1', storeName: 'Corner Store', productName: 'Widget', price: 110, quantity: 3 },
          { productId: 'p2', storeId: 's2', storeName: 'Mega Mart', productName: 'Gadget', price: 10, quantity: 1 },
        ],
        status: 'completed',
      },
    });
    expect(() => registry.assertCurrentSnapshot(order.toSnapshot())).not.toThrow();
  });

  it.each([
    [{ name: 'ordering.OrderV2', version: 2, data: {} }, 'cannot restore snapshot ordering.OrderV2 v2'],
    [{ name: 'ordering.OrderV1', version: 2, data: {} }, 'cannot restore snapshot ordering.OrderV1 v2'],
    [{ name: 'ordering.OrderV1', version: 1, data: { items: [], status: 'in-progress' } }, 'unknown status "in-progress"'],
  ])('refuses a snapshot it does not understand: %j', (snapshot, message) => {
    expect(() => new Order('order-1').restore(snapshot, 3)).toThrow(message);
  });
});
