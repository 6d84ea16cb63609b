import { Money, type DomainEvent } from '@mallbots/ddd';
import { EventSchemaError, EventTypeRegistry, UnknownEventTypeError, type RecordedEvent } from '@mallbots/es';
import { Basket } from './basket.aggregate.js';
import { BasketItem } from './basket-item.value.js';
import { createBasketRegistry, registerBasketTypes } from './basket.registry.js';
import { Product } from './product.value.js';
import { Store } from './store.value.js';

const books = Store.of({ id: 'store-1', name: 'Waldorf Books' });
const wizard = Product.of({ id: 'product-1', storeId: 'store-1', name: 'Wizard w/ crystal', price: Money.fromDecimal(9.98) });
const bookmark = Product.of({ id: 'product-2', storeId: 'store-1', name: 'Bookmark', price: Money.fromDecimal(0.1) });

/** One event of every type, in a valid order (checkout and cancel end a basket, so two baskets are needed). */
function everyEvent(): DomainEvent[] {
  const checkedOut = Basket.start('basket-1', 'customer-1');
  checkedOut.addItem(books, wizard, 2);
  checkedOut.addItem(books, bookmark, 3);
  checkedOut.removeItem(wizard.id, 1);
  checkedOut.checkout('payment-1');
  const canceled = Basket.start('basket-2', 'customer-1');
  canceled.cancel();
  return [...checkedOut.events, ...canceled.events.slice(1)];
}

/** What the event store does to an event: serialise, store as JSON, read back through the registry. */
function throughStorage(registry: EventTypeRegistry, event: DomainEvent): DomainEvent {
  const stored = JSON.parse(JSON.stringify(registry.serializeEvent(event))) as { name: string; version: number; data: unknown };
  return registry.deserializeEvent({ ...stored, id: event.id, occurredAt: event.occurredAt, metadata: { ...event.metadata } });
}

describe('createBasketRegistry', () => {
  const registry = createBasketRegistry();

  it.each<[string, unknown]>([
    ['baskets.BasketStarted', { customerId: 'customer-1' }],
    ['baskets.BasketItemAdded', { item: { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-1', productName: 'Wizard w/ crystal', price: 998, quantity: 2 } }],
    ['baskets.BasketItemRemoved', { productId: 'product-1', quantity: 1 }],
    [
      'baskets.BasketCheckedOut',
      {
        customerId: 'customer-1',
        paymentId: 'payment-1',
        items: [
          { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-1', productName: 'Wizard w/ crystal', price: 998, quantity: 1 },
          { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-2', productName: 'Bookmark', price: 10, quantity: 3 },
        ],
      },
    ],
    ['baskets.BasketCanceled', {}],
  ])('stores %s at schema version 1 as plain JSON with prices in cents', (name, data) => {
    const event = everyEvent().find((e) => e.name === name)!;

    const serialized = registry.serializeEvent(event);

    expect(serialized).toEqual({ name, version: 1, data });
    expect(JSON.parse(JSON.stringify(serialized.data))).toEqual(data);
  });

  it('reads every event back as the value that was raised: lines as BasketItem, prices as Money', () => {
    const events = everyEvent();

    const loaded = events.map((event) => throughStorage(registry, event));

    expect(loaded).toEqual(events);
    const checkedOut = loaded.find((e) => e.name === 'baskets.BasketCheckedOut')!.payload as { items: BasketItem[] };
    expect(checkedOut.items.every((item) => item instanceof BasketItem && item.price instanceof Money)).toBe(true);
    const added = loaded.find((e) => e.name === 'baskets.BasketItemAdded')!.payload as { item: BasketItem };
    expect(added.item.total().toString()).toBe('19.96');
  });

  it('replaying events that went through storage rebuilds the same basket', () => {
    const original = Basket.start('basket-1', 'customer-1');
    original.addItem(books, wizard, 2);
    original.addItem(books, bookmark, 3);
    original.removeItem(wizard.id, 1);
    original.checkout('payment-1');
    const history: RecordedEvent[] = original.events.map((event, i) => ({ streamVersion: i + 1, event: throughStorage(registry, event) }));
    original.commitEvents();

    const rebuilt = new Basket('basket-1').replay(history);

    expect(rebuilt.toSnapshot()).toEqual(original.toSnapshot());
    expect([rebuilt.version, rebuilt.total().toString(), rebuilt.paymentId]).toEqual([5, '10.28', 'payment-1']);
  });

  it('knows the current snapshot type baskets.BasketV1 v1 only', () => {
    expect(registry.isCurrentSnapshot('baskets.BasketV1', 1)).toBe(true);
    expect(registry.isCurrentSnapshot('baskets.BasketV1', 2)).toBe(false);
    expect(registry.isCurrentSnapshot('stores.StoreV1', 1)).toBe(false);
    expect(() => registry.assertCurrentSnapshot(Basket.start('basket-1', 'customer-1').toSnapshot())).not.toThrow();
  });

  it.each<[string, { name: string; version: number }, new (...args: never[]) => Error]>([
    ['an unknown event name', { name: 'baskets.BasketRenamed', version: 1 }, UnknownEventTypeError],
    ['a schema version newer than this code', { name: 'baskets.BasketStarted', version: 2 }, EventSchemaError],
  ])('refuses to load %s instead of misreading it', (_case, stored, errorClass) => {
    expect(() => registry.deserializeEvent({ ...stored, data: {}, id: 'e1', occurredAt: new Date(), metadata: {} })).toThrow(errorClass);
  });

  it('registerBasketTypes adds the basket types to an existing registry, once', () => {
    const shared = new EventTypeRegistry().register('stores.StoreCreated');

    registerBasketTypes(shared);

    expect(shared.serializeEvent(everyEvent()[0]!).version).toBe(1);
    expect(() => registerBasketTypes(shared)).toThrow('event type "baskets.BasketStarted" is already registered');
  });
});
