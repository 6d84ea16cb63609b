import { createEvent } from '@mallbots/ddd';
import { EventSchemaError, EventTypeRegistry, UnknownEventTypeError } from './event-type-registry.js';

const stored = (name: string, version: number, data: unknown) => ({ id: 'e1', name, version, data, occurredAt: new Date(0), metadata: { 'aggregate-id': 'p1' } });

describe('EventTypeRegistry', () => {
  it('serialises a payload as JSON at its current schema version and deserialises it back', () => {
    const registry = new EventTypeRegistry().register('stores.ProductAdded', { version: 2 });
    const event = createEvent('stores.ProductAdded', { name: 'Pen', price: 150, addedAt: new Date('2024-01-01T00:00:00Z') });

    const serialized = registry.serializeEvent(event);
    expect(serialized).toEqual({ name: 'stores.ProductAdded', version: 2, data: { name: 'Pen', price: 150, addedAt: '2024-01-01T00:00:00.000Z' } });

    const loaded = registry.deserializeEvent({ ...serialized, id: event.id, occurredAt: event.occurredAt, metadata: {} });
    expect(loaded).toMatchObject({ id: event.id, name: 'stores.ProductAdded', payload: serialized.data, occurredAt: event.occurredAt });
  });

  it('uses a custom serde when given one', () => {
    const registry = new EventTypeRegistry().register<{ at: Date }>('test.Dated', {
      serde: { toJson: (p) => ({ at: p.at.getTime() }), fromJson: (d) => ({ at: new Date((d as { at: number }).at) }) },
    });

    const serialized = registry.serializeEvent(createEvent('test.Dated', { at: new Date(42) }));
    expect(serialized.data).toEqual({ at: 42 });
    expect(registry.deserializeEvent({ ...stored('test.Dated', 1, serialized.data) }).payload).toEqual({ at: new Date(42) });
  });

  it('fails clearly on an unknown event name, both ways', () => {
    const registry = new EventTypeRegistry();

    expect(() => registry.serializeEvent(createEvent('test.Nope', {}))).toThrow(new UnknownEventTypeError('test.Nope'));
    expect(() => registry.deserializeEvent(stored('test.Nope', 1, {}))).toThrow('event type "test.Nope" is not registered');
  });

  it('chains upcasters so an event stored at v1 loads as the current v3', () => {
    const registry = new EventTypeRegistry()
      .register('stores.ProductAdded', { version: 3 })
      // v1 → v2: price was a decimal string; v2 → v3: price became integer minor units.
      .registerUpcaster('stores.ProductAdded', 1, (data) => ({ data: { ...(data as object), price: Number((data as { price: string }).price) } }))
      .registerUpcaster('stores.ProductAdded', 2, (data) => ({ data: { ...(data as object), price: Math.round((data as { price: number }).price * 100) } }));

    const event = registry.deserializeEvent(stored('stores.ProductAdded', 1, { name: 'Pen', price: '1.5' }));

    expect(event).toMatchObject({ id: 'e1', name: 'stores.ProductAdded', payload: { name: 'Pen', price: 150 }, metadata: { 'aggregate-id': 'p1' } });
    expect(registry.deserializeEvent(stored('stores.ProductAdded', 2, { name: 'Pen', price: 2 })).payload).toEqual({ name: 'Pen', price: 200 });
  });

  it('lets an upcaster rename an event whose old name is no longer registered', () => {
    const registry = new EventTypeRegistry()
      .register('stores.StoreRenamed', { version: 2 })
      .registerUpcaster('stores.StoreRebranded', 1, (data) => ({ name: 'stores.StoreRenamed', data }));

    const event = registry.deserializeEvent(stored('stores.StoreRebranded', 1, { name: 'B' }));

    expect(event).toMatchObject({ name: 'stores.StoreRenamed', payload: { name: 'B' } });
  });

  it('fails clearly when no upcaster bridges a version, or the stored version is newer than the code', () => {
    const registry = new EventTypeRegistry().register('test.E', { version: 3 }).registerUpcaster('test.E', 1, (data) => ({ data }));

    expect(() => registry.deserializeEvent(stored('test.E', 1, {}))).toThrow(new EventSchemaError('event "test.E" is stored at v2 and no upcaster brings it to v3'));
    expect(() => registry.deserializeEvent(stored('test.E', 4, {}))).toThrow('event "test.E" is stored at v4, newer than this code\'s v3');
  });

  it('refuses duplicate registrations and invalid versions', () => {
    const registry = new EventTypeRegistry().register('test.E').registerUpcaster('test.E', 1, (data) => ({ data })).registerSnapshot('test.V1');

    expect(() => registry.register('test.E')).toThrow('already registered');
    expect(() => registry.registerUpcaster('test.E', 1, (data) => ({ data }))).toThrow('already registered');
    expect(() => registry.registerSnapshot('test.V1')).toThrow('already registered');
    expect(() => registry.register('test.F', { version: 0 })).toThrow('schema version must be an integer ≥ 1');
  });

  it('treats only a registered snapshot type at its current version as current', () => {
    const registry = new EventTypeRegistry().registerSnapshot('stores.StoreV1', 2);

    expect(registry.isCurrentSnapshot('stores.StoreV1', 2)).toBe(true);
    expect(registry.isCurrentSnapshot('stores.StoreV1', 1)).toBe(false);
    expect(registry.isCurrentSnapshot('stores.StoreV0', 2)).toBe(false);
    expect(() => registry.assertCurrentSnapshot({ name: 'stores.StoreV1', version: 1, data: {} })).toThrow('snapshot "stores.StoreV1" v1 is not the current v2');
    expect(() => registry.assertCurrentSnapshot({ name: 'x', version: 1, data: {} })).toThrow('snapshot type "x" is not registered');
  });
});
