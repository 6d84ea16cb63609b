import { jest } from '@jest/globals';
import { ConflictError, EventDispatcher, NotFoundError, type DomainEvent } from '@mallbots/ddd';
import { Store, StoreAggregate, storeRegistry } from './__fixtures__/store.aggregate.js';
import { AggregateRepository, type AggregateRepositoryOptions } from './aggregate-repository.js';
import { EventTypeRegistry } from './event-type-registry.js';
import { InMemoryEventStore } from './in-memory-event-store.js';
import { InMemorySnapshotStore } from './in-memory-snapshot-store.js';
import { everyNEvents, never } from './snapshot-strategy.js';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';

function setup(overrides: Partial<AggregateRepositoryOptions<Store>> = {}) {
  const eventStore = new InMemoryEventStore();
  const snapshotStore = new InMemorySnapshotStore();
  const tx = new InMemoryTransactionRunner();
  const registry = storeRegistry();
  const repository = new AggregateRepository<Store>({ streamName: StoreAggregate, factory: (id) => new Store(id), eventStore, snapshotStore, registry, tx, ...overrides });
  return { repository, eventStore, snapshotStore, tx, registry };
}

/** Saves `saves` commands one by one (one event each) on a new store. */
async function storeWithHistory(repository: AggregateRepository<Store>, saves: number): Promise<Store> {
  const store = Store.create('s1', 'Name 1', 'Level 1');
  await repository.save(store);
  for (let i = 2; i <= saves; i++) {
    store.rebrand(`Name ${i}`);
    await repository.save(store);
  }
  return store;
}

describe('AggregateRepository (in-memory stores)', () => {
  it('loads undefined, and get throws NotFoundError, for a stream that does not exist', async () => {
    const { repository } = setup();

    await expect(repository.load('nope')).resolves.toBeUndefined();
    await expect(repository.get('nope')).rejects.toThrow(new NotFoundError('stores.Store nope not found'));
  });

  it('saves pending events, commits the aggregate and loads it back', async () => {
    const { repository, eventStore } = setup();
    const store = Store.create('s1', 'Mall Mart', 'Level 1');
    store.enableParticipation();

    await repository.save(store);

    expect([store.version, store.events.length]).toEqual([2, 0]);
    expect((await eventStore.load(StoreAggregate, 's1')).map((e) => [e.streamVersion, e.eventName, e.metadata['aggregate-version']])).toEqual([
      [1, 'stores.StoreCreated', '1'],
      [2, 'stores.StoreParticipationEnabled', '2'],
    ]);
    const loaded = await repository.get('s1');
    expect([loaded.name, loaded.location, loaded.participating, loaded.version]).toEqual(['Mall Mart', 'Level 1', true, 2]);
  });

  it('does nothing when there are no pending events', async () => {
    const { repository, eventStore } = setup();
    const append = jest.spyOn(eventStore, 'append');

    await repository.save(new Store('s1'));

    expect(append).not.toHaveBeenCalled();
  });

  it('rejects a save from a stale copy with ConflictError and leaves that copy uncommitted', async () => {
    const { repository } = setup();
    await storeWithHistory(repository, 1);
    const a = await repository.get('s1');
    const b = await repository.get('s1');
    a.rebrand('A');
    b.rebrand('B');

    await repository.save(a);
    await expect(repository.save(b)).rejects.toBeInstanceOf(ConflictError);

    expect([b.version, b.events.length]).toEqual([1, 1]);
    expect((await repository.get('s1')).name).toBe('A');
  });

  it('snapshots at versions 3, 6, 9 by default when given a snapshot store', async () => {
    const { repository, snapshotStore } = setup();
    const save = jest.spyOn(snapshotStore, 'save');

    await storeWithHistory(repository, 10);

    expect(save.mock.calls.map(([, , snapshot]) => snapshot.streamVersion)).toEqual([3, 6, 9]);
    await expect(snapshotStore.load(StoreAggregate, 's1')).resolves.toEqual({
      streamVersion: 9,
      name: 'stores.StoreV1',
      version: 1,
      data: { name: 'Name 9', location: 'Level 1', participating: false },
    });
  });

  it('loads from the snapshot plus only the newer events', async () => {
    const { repository, eventStore } = setup();
    await storeWithHistory(repository, 7);
    const load = jest.spyOn(eventStore, 'load');

    const store = await repository.get('s1');

    expect(load).toHaveBeenCalledWith(StoreAggregate, 's1', 6);
    expect([store.name, store.version, store.applied]).toEqual(['Name 7', 7, 1]);
  });

  it('ignores a snapshot whose schema version is not the current one and replays every event', async () => {
    const { repository: previousRelease, eventStore, snapshotStore } = setup();
    await storeWithHistory(previousRelease, 4);
    await expect(snapshotStore.load(StoreAggregate, 's1')).resolves.toMatchObject({ streamVersion: 3, version: 1 });
    // In the next release the snapshot schema is v2: the stored v1 snapshot is a stale cache.
    const { repository } = setup({ eventStore, snapshotStore, registry: storeRegistry(2) });
    const load = jest.spyOn(eventStore, 'load');

    const store = await repository.get('s1');

    expect(load).toHaveBeenCalledWith(StoreAggregate, 's1', 0);
    expect([store.name, store.version, store.applied]).toEqual(['Name 4', 4, 4]);
  });

  it('never snapshots with never(), and replays everything without a snapshot store', async () => {
    const { repository, snapshotStore } = setup({ strategy: never() });
    await storeWithHistory(repository, 6);
    await expect(snapshotStore.load(StoreAggregate, 's1')).resolves.toBeUndefined();

    const { repository: plain } = setup({ snapshotStore: undefined, strategy: everyNEvents(1) });
    const store = await storeWithHistory(plain, 2);
    expect(store.version).toBe(2);
  });

  it('snapshots a multi-event save that jumps over a multiple of N', async () => {
    const { repository, snapshotStore } = setup();
    const store = Store.create('s1', 'A', 'L');
    store.enableParticipation();
    await repository.save(store);
    store.rebrand('B');
    store.disableParticipation();
    store.rebrand('C');

    await repository.save(store);

    await expect(snapshotStore.load(StoreAggregate, 's1')).resolves.toMatchObject({ streamVersion: 5, data: { name: 'C', participating: false } });
  });

  it('dispatches the saved events inside the transaction, after they are appended', async () => {
    const { eventStore, tx } = setup();
    const seen: { name: string; inTransaction: boolean; stored: number }[] = [];
    const dispatcher = new EventDispatcher().subscribe(async (event: DomainEvent) => {
      seen.push({ name: event.name, inTransaction: tx.inTransaction(), stored: (await eventStore.load(StoreAggregate, 's1')).length });
    });
    const { repository } = setup({ eventStore, tx, dispatcher });
    const store = Store.create('s1', 'A', 'L');
    store.enableParticipation();

    await repository.save(store);

    expect(seen).toEqual([
      { name: 'stores.StoreCreated', inTransaction: true, stored: 2 },
      { name: 'stores.StoreParticipationEnabled', inTransaction: true, stored: 2 },
    ]);
  });

  it('propagates a dispatcher failure and leaves the aggregate uncommitted', async () => {
    const dispatcher = new EventDispatcher().subscribe(() => {
      throw new Error('read model down');
    });
    const { repository } = setup({ dispatcher });
    const store = Store.create('s1', 'A', 'L');

    await expect(repository.save(store)).rejects.toThrow('read model down');
    expect([store.version, store.events.length]).toEqual([0, 1]);
  });

  it('refuses to save an event type the registry does not know, before writing anything', async () => {
    const { repository, eventStore } = setup({ registry: new EventTypeRegistry() });

    await expect(repository.save(Store.create('s1', 'A', 'L'))).rejects.toThrow('event type "stores.StoreCreated" is not registered');
    await expect(eventStore.load(StoreAggregate, 's1')).resolves.toEqual([]);
  });
});
