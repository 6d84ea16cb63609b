import { jest } from '@jest/globals';
import { Money, type DomainEvent } from '@mallbots/ddd';
import {
  AggregateRepository,
  type EventTypeRegistry,
  InMemoryEventStore,
  InMemorySnapshotStore,
  UnknownEventTypeError,
  everyNEvents,
  type EventSourcedAggregate,
} from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { Product } from './product.aggregate.js';
import { Store } from './store.aggregate.js';
import { createStoresEventTypeRegistry, registerStoresEventTypes } from './stores.event-types.js';

const $ = (decimal: number) => Money.fromDecimal(decimal);

/** Serialise, pass through JSON as a jsonb column would, and deserialise. */
function roundTrip(registry: EventTypeRegistry, event: DomainEvent): DomainEvent {
  const serialized = registry.serializeEvent(event);
  const data = JSON.parse(JSON.stringify(serialized.data)) as unknown;
  return registry.deserializeEvent({ ...serialized, data, id: event.id, occurredAt: event.occurredAt, metadata: { ...event.metadata } });
}

function everyEvent(): DomainEvent[] {
  const store = Store.create('store-1', 'Mall Mart', 'Level 1');
  store.enableParticipation();
  store.disableParticipation();
  store.rebrand('Mega Mart');
  const product = Product.add('product-1', { storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', price: $(9.99) });
  product.rebrand('Big Basket', 'Extra large');
  product.increasePrice($(10.09));
  product.decreasePrice($(0.1 + 0.2));
  product.remove();
  return [...store.events, ...product.events];
}

describe('stores event types', () => {
  const registry = createStoresEventTypeRegistry();

  it.each([
    ['stores.StoreCreated', { name: 'Mall Mart', location: 'Level 1' }],
    ['stores.StoreParticipationEnabled', { participating: true }],
    ['stores.StoreParticipationDisabled', { participating: false }],
    ['stores.StoreRebranded', { name: 'Mega Mart' }],
    ['stores.ProductAdded', { storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 999 }],
    ['stores.ProductRebranded', { name: 'Big Basket', description: 'Extra large' }],
    ['stores.ProductPriceIncreased', { delta: 10 }],
    ['stores.ProductPriceDecreased', { delta: -979 }],
    ['stores.ProductRemoved', {}],
  ])('%s is registered at schema version 1 and stored as %j', (name, data) => {
    const event = everyEvent().find((e) => e.name === name)!;

    expect(registry.serializeEvent(event)).toEqual({ name, version: 1, data });
  });

  it('every event the aggregates raise comes back from storage equal, with amounts as Money', () => {
    for (const event of everyEvent()) {
      const loaded = roundTrip(registry, event);

      expect(loaded).toEqual(event);
      for (const value of Object.values(loaded.payload as object)) {
        if (typeof value === 'object') expect(value).toBeInstanceOf(Money);
      }
    }
  });

  it('replaying stored events rebuilds the same product, prices exact', () => {
    const product = Product.add('product-1', { storeId: 'store-1', name: 'Basket', description: '', sku: '', price: $(0.1) });
    for (let step = 2; step <= 10; step++) product.increasePrice($(0.1 * step));
    product.decreasePrice($(0.3));

    const replayed = new Product('product-1').replay(product.events.map((event, i) => ({ streamVersion: i + 1, event: roundTrip(registry, event) })));

    expect(replayed.price.cents).toBe(30);
    expect(replayed.price.equals(product.price)).toBe(true);
  });

  it('registers the current snapshot types, and the aggregates produce exactly those', () => {
    expect(registry.isCurrentSnapshot('stores.StoreV1', 1)).toBe(true);
    expect(registry.isCurrentSnapshot('stores.ProductV1', 1)).toBe(true);
    expect(() => registry.assertCurrentSnapshot(Store.create('s', 'n', 'l').toSnapshot())).not.toThrow();
    expect(() => registry.assertCurrentSnapshot(Product.add('p', { storeId: 's', name: 'n', description: '', sku: '', price: Money.zero }).toSnapshot())).not.toThrow();
  });

  it('refuses stored amounts that are not whole cents instead of misreading them', () => {
    const stored = { id: 'e1', occurredAt: new Date(), metadata: {}, version: 1 };

    expect(() => registry.deserializeEvent({ ...stored, name: 'stores.ProductPriceIncreased', data: { delta: 0.1 } })).toThrow(
      'stores.ProductPriceIncreased.delta: expected a whole number of cents, got 0.1',
    );
    expect(() => registry.deserializeEvent({ ...stored, name: 'stores.ProductAdded', data: { storeId: 's', name: 'n', description: '', sku: '' } })).toThrow(
      'stores.ProductAdded.price: expected a whole number of cents, got undefined',
    );
    expect(() => registry.deserializeEvent({ ...stored, name: 'stores.ProductAdded', data: { name: 'n', description: '', sku: '', price: 1 } })).toThrow(
      'stores.ProductAdded.storeId: expected a string, got undefined',
    );
  });

  it('knows no other event types, and composes into a shared registry only once', () => {
    expect(() => registry.serializeEvent({ ...everyEvent()[0]!, name: 'stores.StoreDeleted' })).toThrow(UnknownEventTypeError);
    expect(() => registerStoresEventTypes(createStoresEventTypeRegistry())).toThrow('already registered');
  });
});

describe('load = snapshot + newer events, through the libs/es repository', () => {
  function repositoryFor<T extends EventSourcedAggregate>(streamName: string, factory: (id: string) => T) {
    const eventStore = new InMemoryEventStore();
    const snapshotStore = new InMemorySnapshotStore();
    const repository = new AggregateRepository<T>({
      streamName,
      factory,
      eventStore,
      snapshotStore,
      strategy: everyNEvents(3),
      registry: createStoresEventTypeRegistry(),
      tx: new InMemoryTransactionRunner(),
    });
    return { repository, eventStore, snapshotStore };
  }

  it('a product saved one command at a time loads from its version-6 snapshot plus one event, equal to the original', async () => {
    const { repository, eventStore, snapshotStore } = repositoryFor('stores.Product', (id) => new Product(id));
    const product = Product.add('product-1', { storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', price: $(0.1) });
    await repository.save(product);
    const commands = [
      () => product.increasePrice($(0.1 + 0.2)),
      () => product.rebrand('Big Basket', 'Extra large'),
      () => product.decreasePrice($(0.15)),
      () => product.increasePrice($(99.99)),
      () => product.decreasePrice($(0.7 + 0.1)),
      () => product.remove(),
    ];
    for (const command of commands) {
      command();
      await repository.save(product);
    }
    const load = jest.spyOn(eventStore, 'load');

    const loaded = await repository.get('product-1');

    expect(await snapshotStore.load('stores.Product', 'product-1')).toMatchObject({ streamVersion: 6, data: { price: 80, removed: false } });
    expect(load).toHaveBeenCalledWith('stores.Product', 'product-1', 6);
    expect(loaded.version).toBe(7);
    expect([loaded.storeId, loaded.name, loaded.description, loaded.sku, loaded.price.cents, loaded.removed]).toEqual(['store-1', 'Big Basket', 'Extra large', 'BSK-1', 80, true]);
    expect(() => loaded.increasePrice($(1))).toThrow('the product has been removed');
  });

  it('a store saved one command at a time loads from its snapshot plus the newer events, equal to the original', async () => {
    const { repository, eventStore } = repositoryFor('stores.Store', (id) => new Store(id));
    const store = Store.create('store-1', 'Mall Mart', 'Level 1');
    await repository.save(store);
    for (const command of [() => store.enableParticipation(), () => store.rebrand('Mega Mart'), () => store.disableParticipation(), () => store.enableParticipation()]) {
      command();
      await repository.save(store);
    }
    const load = jest.spyOn(eventStore, 'load');

    const loaded = await repository.get('store-1');

    expect(load).toHaveBeenCalledWith('stores.Store', 'store-1', 3);
    expect([loaded.name, loaded.location, loaded.participating, loaded.version]).toEqual(['Mega Mart', 'Level 1', true, 5]);
    expect(() => loaded.enableParticipation()).toThrow('the store is already participating');
  });
});
