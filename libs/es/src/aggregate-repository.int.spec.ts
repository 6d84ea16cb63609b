import { PgTestTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { ConflictError, EventDispatcher, type DomainEvent } from '@mallbots/ddd';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import type { SqlExecutor, Statement } from '@mallbots/tm/sql';
import { Store, StoreAggregate, storeRegistry } from './__fixtures__/store.aggregate.js';
import { AggregateRepository, type AggregateRepositoryOptions } from './aggregate-repository.js';
import { EventTypeRegistry } from './event-type-registry.js';
import { PgEventStore } from './pg-event-store.js';
import { PgSnapshotStore } from './pg-snapshot-store.js';
import { esSchemaSql } from './schema.js';

let db: TestDatabase;
let tx: PgTestTransactionRunner;
let nextId = 0;
const newStoreId = () => `store-${++nextId}`;

beforeAll(async () => {
  db = await createTestDatabase('es_repo');
  await db.pool.query(esSchemaSql);
  await db.pool.query('CREATE TABLE store_names (id text PRIMARY KEY, name text NOT NULL)');
  tx = new PgTestTransactionRunner(db.pool);
});

afterAll(async () => {
  await db.drop();
});

function repositoryWith(overrides: Partial<AggregateRepositoryOptions<Store>> = {}): AggregateRepository<Store> {
  return new AggregateRepository<Store>({
    streamName: StoreAggregate,
    factory: (id) => new Store(id),
    eventStore: new PgEventStore(tx),
    snapshotStore: new PgSnapshotStore(tx),
    registry: storeRegistry(),
    tx,
    ...overrides,
  });
}

async function storeWithSaves(repository: AggregateRepository<Store>, id: string, saves: number): Promise<Store> {
  const store = Store.create(id, 'Name 1', 'Level 1');
  await repository.save(store);
  for (let i = 2; i <= saves; i++) {
    store.rebrand(`Name ${i}`);
    await repository.save(store);
  }
  return store;
}

const count = async (sql: string, id: string) => (await db.pool.query(sql, [id])).rowCount;

describe('AggregateRepository on PostgreSQL', () => {
  it('saves and loads an aggregate, snapshotting at version 3', async () => {
    const repository = repositoryWith();
    const id = newStoreId();
    await storeWithSaves(repository, id, 4);

    const store = await repository.get(id);

    expect([store.name, store.location, store.version]).toEqual(['Name 4', 'Level 1', 4]);
    const { rows } = await db.pool.query('SELECT stream_version, snapshot_name, snapshot_version, snapshot_data FROM snapshots WHERE stream_id = $1', [id]);
    expect(rows).toEqual([{ stream_version: 3, snapshot_name: 'stores.StoreV1', snapshot_version: 1, snapshot_data: { name: 'Name 3', location: 'Level 1', participating: false } }]);
  });

  it('loads the snapshot plus only the newer events: events 1–3 are not even read', async () => {
    const id = newStoreId();
    await storeWithSaves(repositoryWith(), id, 4);
    // Were events 1–3 read, the unknown name would make deserialisation fail and the data would corrupt the state.
    await db.pool.query(`UPDATE events SET event_name = 'garbage.Unknown', event_data = '"corrupt"' WHERE stream_id = $1 AND stream_version <= 3`, [id]);
    const rowsRead: number[] = [];
    const counting: SqlExecutor = {
      query: async <R>(sql: string | Statement, params?: unknown[]) => {
        const result = await tx.executor().query<R>(sql, params);
        if ((typeof sql === 'string' ? sql : sql.text).includes('FROM events')) rowsRead.push(result.rows.length);
        return result;
      },
    };

    const store = await repositoryWith({ eventStore: new PgEventStore({ executor: () => counting }) }).get(id);

    expect([store.name, store.location, store.version, store.applied]).toEqual(['Name 4', 'Level 1', 4, 1]);
    expect(rowsRead).toEqual([1]);
    // Without the snapshot the corrupt events are read, which shows the test above could fail.
    await expect(repositoryWith({ snapshotStore: undefined }).get(id)).rejects.toThrow('event type "garbage.Unknown" is not registered');
  });

  it('ignores a snapshot of an outdated schema version and replays every event', async () => {
    const id = newStoreId();
    await storeWithSaves(repositoryWith(), id, 4);

    const store = await repositoryWith({ registry: storeRegistry(2) }).get(id);

    expect([store.name, store.version, store.applied]).toEqual(['Name 4', 4, 4]);
  });

  it('loads an event stored at schema v1 through the upcaster after the payload changed', async () => {
    const id = newStoreId();
    // Written by an older release: StoreCreated v1 had `title` and `where`; v2 renamed them to name and location.
    await db.pool.query(
      `INSERT INTO events (stream_id, stream_name, stream_version, event_id, event_name, event_version, event_data, metadata)
       VALUES ($1, $2, 1, $3, 'stores.StoreCreated', 1, '{"title": "Old Mart", "where": "Basement"}', '{}')`,
      [id, StoreAggregate, `${id}-e1`],
    );
    const registry = new EventTypeRegistry()
      .register('stores.StoreCreated', { version: 2 })
      .registerUpcaster('stores.StoreCreated', 1, (data) => {
        const { title, where } = data as { title: string; where: string };
        return { data: { name: title, location: where } };
      })
      .register('stores.StoreRebranded')
      .registerSnapshot('stores.StoreV1');
    const repository = repositoryWith({ registry });

    const store = await repository.get(id);
    expect([store.name, store.location, store.version]).toEqual(['Old Mart', 'Basement', 1]);

    store.rebrand('New Mart');
    await repository.save(store);
    const { rows } = await db.pool.query('SELECT stream_version, event_version FROM events WHERE stream_id = $1 ORDER BY stream_version', [id]);
    expect(rows).toEqual([
      { stream_version: 1, event_version: 1 },
      { stream_version: 2, event_version: 1 },
    ]);
  });

  it('commits read-model writes of event handlers together with the events', async () => {
    const id = newStoreId();
    const dispatcher = new EventDispatcher().subscribe(async (event: DomainEvent<{ name: string }>) => {
      if (!tx.inTransaction()) throw new Error('handler ran outside the transaction');
      await tx.executor().query('INSERT INTO store_names (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [id, event.payload.name]);
    }, 'stores.StoreCreated', 'stores.StoreRebranded');

    await storeWithSaves(repositoryWith({ dispatcher }), id, 2);

    expect((await db.pool.query('SELECT name FROM store_names WHERE id = $1', [id])).rows).toEqual([{ name: 'Name 2' }]);
  });

  it('rolls back the events, the snapshot and the handlers’ writes when a handler fails', async () => {
    const id = newStoreId();
    const dispatcher = new EventDispatcher()
      .subscribe(async () => {
        await tx.executor().query('INSERT INTO store_names (id, name) VALUES ($1, $2)', [id, 'written']);
      }, 'stores.StoreCreated')
      .subscribe(() => {
        throw new Error('projection failed');
      }, 'stores.StoreParticipationEnabled');
    const store = Store.create(id, 'A', 'L');
    store.rebrand('B');
    store.enableParticipation();

    await expect(repositoryWith({ dispatcher }).save(store)).rejects.toThrow('projection failed');

    expect(await count('SELECT 1 FROM events WHERE stream_id = $1', id)).toBe(0);
    expect(await count('SELECT 1 FROM snapshots WHERE stream_id = $1', id)).toBe(0);
    expect(await count('SELECT 1 FROM store_names WHERE id = $1', id)).toBe(0);
    expect([store.version, store.events.length]).toEqual([0, 3]);
    await expect(repositoryWith().load(id)).resolves.toBeUndefined();
  });

  it('joins the caller’s transaction: a later failure in the same request undoes the save', async () => {
    const id = newStoreId();
    const repository = repositoryWith();

    await expect(
      tx.run(async () => {
        await repository.save(Store.create(id, 'A', 'L'));
        throw new Error('the request failed after saving');
      }),
    ).rejects.toThrow('the request failed after saving');

    await expect(repository.load(id)).resolves.toBeUndefined();
  });

  it('lets only one of two concurrent requests that loaded the same version save', async () => {
    const id = newStoreId();
    const repository = repositoryWith();
    await storeWithSaves(repository, id, 1);

    // Both requests have loaded version 1 before either saves.
    let loaded = 0;
    let release!: () => void;
    const bothLoaded = new Promise<void>((resolve) => (release = resolve));
    const results = await Promise.allSettled(
      ['A', 'B'].map((name) =>
        tx.run(async () => {
          const store = await repository.get(id);
          if (++loaded === 2) release();
          await bothLoaded;
          store.rebrand(name);
          await repository.save(store);
        }),
      ),
    );

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await repository.get(id)).version).toBe(2);
  });
});
