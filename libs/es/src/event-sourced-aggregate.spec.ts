import { createEvent, FailedPreconditionError, MetadataKeys } from '@mallbots/ddd';
import { Store } from './__fixtures__/store.aggregate.js';

describe('EventSourcedAggregate', () => {
  it('raise records the event stamped with its stream version and applies it at once', () => {
    const store = Store.create('s1', 'Mall Mart', 'Level 1');
    store.rebrand('Mega Mart');

    expect(store.name).toBe('Mega Mart');
    expect(store.events.map((e) => [e.name, e.metadata[MetadataKeys.AggregateVersion]])).toEqual([
      ['stores.StoreCreated', '1'],
      ['stores.StoreRebranded', '2'],
    ]);
    expect(store.version).toBe(0);
    expect(store.pendingVersion).toBe(2);
  });

  it('a second command before saving sees the state the first one produced (the reference would see stale state)', () => {
    const store = Store.create('s1', 'Mall Mart', 'Level 1');
    store.enableParticipation();

    expect(() => store.enableParticipation()).toThrow(FailedPreconditionError);
    expect(store.events).toHaveLength(2);
  });

  it('replay applies stored events in order and takes the last version', () => {
    const store = new Store('s1').replay([
      { streamVersion: 1, event: createEvent('stores.StoreCreated', { name: 'A', location: 'L' }) },
      { streamVersion: 2, event: createEvent('stores.StoreRebranded', { name: 'B' }) },
      { streamVersion: 3, event: createEvent('stores.StoreParticipationEnabled', {}) },
    ]);

    expect([store.name, store.location, store.participating, store.version, store.events.length]).toEqual(['B', 'L', true, 3, 0]);
    store.rebrand('C');
    expect(store.events[0]!.metadata[MetadataKeys.AggregateVersion]).toBe('4');
  });

  it('replay refuses a gap in the versions', () => {
    const store = new Store('s1').replay([{ streamVersion: 1, event: createEvent('stores.StoreCreated', { name: 'A', location: 'L' }) }]);

    expect(() => store.replay([{ streamVersion: 3, event: createEvent('stores.StoreRebranded', { name: 'B' }) }])).toThrow(
      'stores.Store/s1: cannot replay version 3 on top of version 1',
    );
  });

  it('restore applies a snapshot and takes its version; later events replay on top', () => {
    const store = new Store('s1').restore({ name: 'stores.StoreV1', version: 1, data: { name: 'A', location: 'L', participating: true } }, 6);
    store.replay([{ streamVersion: 7, event: createEvent('stores.StoreRebranded', { name: 'B' }) }]);

    expect([store.name, store.participating, store.version, store.applied]).toEqual(['B', true, 7, 1]);
  });

  it('refuses to replay or restore over unsaved events', () => {
    const store = Store.create('s1', 'A', 'L');

    expect(() => store.replay([])).toThrow('cannot replay with unsaved events');
    expect(() => store.restore(store.toSnapshot(), 1)).toThrow('cannot restore with unsaved events');
  });
});
