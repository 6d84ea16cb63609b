import { FailedPreconditionError, InvalidArgumentError, MetadataKeys, NotFoundError, type DomainError } from '@mallbots/ddd';
import type { Snapshot } from '@mallbots/es';
import { Store } from './store.aggregate.js';

type Command = (store: Store) => void;

const enable: Command = (s) => s.enableParticipation();
const disable: Command = (s) => s.disableParticipation();
const rebrand =
  (name: string): Command =>
  (s) => s.rebrand(name);

/** A created store that ran `history` and was saved: only the commands under test leave pending events. */
function savedStore(...history: Command[]): Store {
  const store = Store.create('store-1', 'Mall Mart', 'Level 1');
  history.forEach((command) => command(store));
  store.commitEvents();
  return store;
}

function stateOf(store: Store) {
  return { name: store.name, location: store.location, participating: store.participating };
}

/** The stream as the repository would hand it back (versions 1…n). */
function recorded(store: Store) {
  return store.events.map((event, i) => ({ streamVersion: i + 1, event }));
}

/** What a snapshot looks like after a round trip through a jsonb column. */
function stored(snapshot: Snapshot): Snapshot {
  return JSON.parse(JSON.stringify(snapshot)) as Snapshot;
}

describe('Store', () => {
  describe('create', () => {
    it('raises exactly one StoreCreated with the name and location, stamped for version 1, not participating', () => {
      const store = Store.create('store-1', 'Mall Mart', 'Level 1');

      expect(store.events).toHaveLength(1);
      const [event] = store.events;
      expect(event!.name).toBe('stores.StoreCreated');
      expect(event!.payload).toEqual({ name: 'Mall Mart', location: 'Level 1' });
      expect(event!.metadata).toEqual({
        [MetadataKeys.AggregateName]: 'stores.Store',
        [MetadataKeys.AggregateId]: 'store-1',
        [MetadataKeys.AggregateVersion]: '1',
      });
      expect(stateOf(store)).toEqual({ name: 'Mall Mart', location: 'Level 1', participating: false });
      expect([store.id, store.aggregateName, store.version, store.pendingVersion]).toEqual(['store-1', 'stores.Store', 0, 1]);
    });

    it.each([
      ['a blank id', '', 'Mall Mart', 'Level 1', InvalidArgumentError, 'the store id cannot be blank'],
      ['a whitespace id', '  ', 'Mall Mart', 'Level 1', InvalidArgumentError, 'the store id cannot be blank'],
      ['a blank name', 'store-1', '', 'Level 1', InvalidArgumentError, 'the store name cannot be blank'],
      ['a whitespace-only name', 'store-1', ' \t\n', 'Level 1', InvalidArgumentError, 'the store name cannot be blank'],
      ['a blank location', 'store-1', 'Mall Mart', '', InvalidArgumentError, 'the store location cannot be blank'],
      ['a whitespace-only location', 'store-1', 'Mall Mart', '   ', InvalidArgumentError, 'the store location cannot be blank'],
      ['a blank name and location (name reported first)', 'store-1', '', '', InvalidArgumentError, 'the store name cannot be blank'],
    ])('refuses %s', (_case, id, name, location, kind, message) => {
      expect(() => Store.create(id, name, location)).toThrow(new kind(message));
      expect(() => Store.create(id, name, location)).toThrow(kind);
    });
  });

  describe('commands that succeed', () => {
    it.each<[string, Command[], Command, string, unknown, ReturnType<typeof stateOf>]>([
      ['enable on a new store', [], enable, 'stores.StoreParticipationEnabled', { participating: true }, { name: 'Mall Mart', location: 'Level 1', participating: true }],
      ['disable on a participating store', [enable], disable, 'stores.StoreParticipationDisabled', { participating: false }, { name: 'Mall Mart', location: 'Level 1', participating: false }],
      ['enable again after a disable', [enable, disable], enable, 'stores.StoreParticipationEnabled', { participating: true }, { name: 'Mall Mart', location: 'Level 1', participating: true }],
      ['rebrand', [], rebrand('Mega Mart'), 'stores.StoreRebranded', { name: 'Mega Mart' }, { name: 'Mega Mart', location: 'Level 1', participating: false }],
      ['rebrand keeps participation', [enable], rebrand('Mega Mart'), 'stores.StoreRebranded', { name: 'Mega Mart' }, { name: 'Mega Mart', location: 'Level 1', participating: true }],
      ['rebrand to the current name (a retried request)', [], rebrand('Mall Mart'), 'stores.StoreRebranded', { name: 'Mall Mart' }, { name: 'Mall Mart', location: 'Level 1', participating: false }],
    ])('%s raises exactly one event with the right payload and state', (_case, history, command, name, payload, state) => {
      const store = savedStore(...history);
      const version = store.version;

      command(store);

      expect(store.events.map((e) => [e.name, e.payload])).toEqual([[name, payload]]);
      expect(store.events[0]!.metadata[MetadataKeys.AggregateVersion]).toBe(String(version + 1));
      expect(stateOf(store)).toEqual(state);
    });
  });

  describe('commands that are refused leave no new event and no state change', () => {
    const notFound = [NotFoundError, 'store with that ID does not exist'] as const;
    it.each<[string, () => Store, Command, new (message: string) => DomainError, string]>([
      ['disable on a store that never participated', () => savedStore(), disable, FailedPreconditionError, 'the store is already not participating'],
      ['disable twice', () => savedStore(enable, disable), disable, FailedPreconditionError, 'the store is already not participating'],
      ['enable on a participating store', () => savedStore(enable), enable, FailedPreconditionError, 'the store is already participating'],
      ['enable twice before saving', () => { const s = Store.create('store-1', 'Mall Mart', 'Level 1'); s.enableParticipation(); return s; }, enable, FailedPreconditionError, 'the store is already participating'],
      ['rebrand to a blank name', () => savedStore(), rebrand(''), InvalidArgumentError, 'the store name cannot be blank'],
      ['rebrand to a whitespace-only name', () => savedStore(enable), rebrand('  '), InvalidArgumentError, 'the store name cannot be blank'],
      ['enable on a store that does not exist', () => new Store('ghost'), enable, ...notFound],
      ['disable on a store that does not exist', () => new Store('ghost'), disable, ...notFound],
      ['rebrand on a store that does not exist', () => new Store('ghost'), rebrand('Mega Mart'), ...notFound],
    ])('%s', (_case, given, command, kind, message) => {
      const store = given();
      const pendingBefore = [...store.events];
      const stateBefore = stateOf(store);

      expect(() => command(store)).toThrow(new kind(message));

      expect(() => command(store)).toThrow(kind);
      expect(store.events).toEqual(pendingBefore);
      expect(stateOf(store)).toEqual(stateBefore);
    });
  });

  describe('event sourcing', () => {
    const histories: [string, Command[]][] = [
      ['only created', []],
      ['participating', [enable]],
      ['rebranded twice, participation toggled', [rebrand('Mega Mart'), enable, disable, rebrand('Giga Mart'), enable]],
    ];

    it.each(histories)('replaying the events of a store (%s) rebuilds the same state and version', (_case, history) => {
      const original = Store.create('store-1', 'Mall Mart', 'Level 1');
      history.forEach((command) => command(original));

      const replayed = new Store('store-1').replay(recorded(original));

      expect(stateOf(replayed)).toEqual(stateOf(original));
      expect(replayed.version).toBe(original.pendingVersion);
      expect(replayed.events).toHaveLength(0);
    });

    it.each([1, 2, 3, 4, 5, 6])('a snapshot taken at version %i plus the newer events rebuilds the same state', (at) => {
      const original = Store.create('store-1', 'Mall Mart', 'Level 1');
      [rebrand('Mega Mart'), enable, disable, rebrand('Giga Mart'), enable].forEach((command) => command(original));
      const events = recorded(original);
      const snapshot = stored(new Store('store-1').replay(events.slice(0, at)).toSnapshot());

      const rebuilt = new Store('store-1').restore(snapshot, at).replay(events.slice(at));

      expect(stateOf(rebuilt)).toEqual(stateOf(original));
      expect(rebuilt.version).toBe(6);
    });

    it('a rebuilt store keeps enforcing its rules and numbers new events after the stream', () => {
      const rebuilt = new Store('store-1').restore(stored(savedStore(enable).toSnapshot()), 2);

      expect(() => rebuilt.enableParticipation()).toThrow('the store is already participating');
      rebuilt.rebrand('Mega Mart');
      expect(rebuilt.events.map((e) => e.metadata[MetadataKeys.AggregateVersion])).toEqual(['3']);
    });

    it('snapshots as stores.StoreV1 version 1 with exactly the state', () => {
      expect(savedStore(enable, rebrand('Mega Mart')).toSnapshot()).toEqual({
        name: 'stores.StoreV1',
        version: 1,
        data: { name: 'Mega Mart', location: 'Level 1', participating: true },
      });
    });

    it.each<[string, Snapshot, string]>([
      ['another snapshot type', { name: 'stores.ProductV1', version: 1, data: {} }, 'stores.Store cannot restore snapshot stores.ProductV1 v1'],
      ['another schema version', { name: 'stores.StoreV1', version: 2, data: { name: 'A', location: 'B', participating: true } }, 'stores.Store cannot restore snapshot stores.StoreV1 v2'],
      ['malformed data', { name: 'stores.StoreV1', version: 1, data: { name: 'A', location: 'B' } }, 'stores.StoreV1: malformed data'],
      ['no data', { name: 'stores.StoreV1', version: 1, data: null }, 'stores.StoreV1: malformed data'],
    ])('refuses to restore %s', (_case, snapshot, message) => {
      expect(() => new Store('store-1').restore(snapshot, 3)).toThrow(message);
    });
  });
});
