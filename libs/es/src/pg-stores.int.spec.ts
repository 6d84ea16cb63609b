import { PgTestTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { ConflictError, newId } from '@mallbots/ddd';
import { createTestDatabase, eventually, type TestDatabase } from '@mallbots/testing';
import { uniqueViolationConstraint, type SqlExecutor } from '@mallbots/tm/sql';
import { PgEventStore } from './pg-event-store.js';
import { PgSnapshotStore } from './pg-snapshot-store.js';
import { esSchemaSql } from './schema.js';
import { describeEventStoreContract, describeSnapshotStoreContract, newTestEvent } from './testing.js';

let db: TestDatabase;
let tx: PgTestTransactionRunner;

beforeAll(async () => {
  db = await createTestDatabase('es_stores');
  await db.pool.query(esSchemaSql);
  tx = new PgTestTransactionRunner(db.pool);
});

afterAll(async () => {
  await db.drop();
});

describeEventStoreContract('PgEventStore', () => new PgEventStore(tx));
describeSnapshotStoreContract('PgSnapshotStore', () => new PgSnapshotStore(tx));

describe('PgEventStore on PostgreSQL', () => {
  const stream = 'test.Counter';

  it('esSchemaSql can run again (migrations may be re-applied)', async () => {
    await expect(db.pool.query(esSchemaSql)).resolves.toBeDefined();
  });

  it('appends a batch of events in a single SQL statement', async () => {
    const statements: string[] = [];
    const counting: SqlExecutor = {
      query: (sql, params) => {
        statements.push(typeof sql === 'string' ? sql : sql.text);
        return tx.executor().query(sql, params);
      },
    };
    const store = new PgEventStore({ executor: () => counting });

    await store.append(stream, newId(), 0, Array.from({ length: 5 }, (_, i) => newTestEvent(`test.E${i}`)));

    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/INSERT INTO events/);
  });

  it('rolls back with the surrounding transaction', async () => {
    const store = new PgEventStore(tx);
    const id = newId();

    await expect(
      tx.run(async () => {
        await store.append(stream, id, 0, [newTestEvent('test.A')]);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');

    await expect(store.load(stream, id)).resolves.toEqual([]);
  });

  it('reports the version the stream is at when the expected version is stale', async () => {
    const store = new PgEventStore(tx);
    const id = newId();
    await store.append(stream, id, 0, [newTestEvent('test.A'), newTestEvent('test.B')]);

    await expect(store.append(stream, id, 1, [newTestEvent('test.C')])).rejects.toThrow(`stream ${stream}/${id} changed concurrently: expected version 1 but it is at version 2`);
  });

  it('lets exactly one of two concurrent transactions appending at the same version commit (20 rounds)', async () => {
    const store = new PgEventStore(tx);
    for (let round = 0; round < 20; round++) {
      const id = newId();
      // Both transactions are open (BEGIN done, a first statement run) before either appends, so the appends overlap.
      let arrived = 0;
      let release!: () => void;
      const bothOpen = new Promise<void>((resolve) => (release = resolve));
      const writer = (names: string[]) =>
        tx.run(async () => {
          await tx.executor().query('SELECT 1');
          if (++arrived === 2) release();
          await bothOpen;
          return store.append(stream, id, 0, names.map((name) => newTestEvent(name)));
        });

      const results = await Promise.allSettled([writer(['test.A1']), writer(['test.B1', 'test.B2'])]);

      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      const stored = await store.load(stream, id);
      expect(stored.length === 1 ? ['test.A1'] : ['test.B1', 'test.B2']).toEqual(stored.map((e) => e.eventName));
    }
  });

  it('turns the unique violation of a writer blocked behind the winner into ConflictError', async () => {
    const store = new PgEventStore(tx);
    const id = newId();
    let appended!: () => void;
    let release!: () => void;
    const winnerAppended = new Promise<void>((resolve) => (appended = resolve));
    const winnerMayCommit = new Promise<void>((resolve) => (release = resolve));

    const winner = tx.run(async () => {
      await store.append(stream, id, 0, [newTestEvent('test.Winner')]);
      appended();
      await winnerMayCommit;
    });
    await winnerAppended;
    // The loser sees version 0 (the winner has not committed), inserts version 1 and blocks on the winner's index
    // entry: the race the head check alone cannot catch. Commit the winner only once the loser is really waiting.
    const loser = store.append(stream, id, 0, [newTestEvent('test.Loser')]).catch((err: unknown) => err);
    await eventually(async () => {
      const { rowCount } = await db.pool.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO events%'`);
      return rowCount! > 0;
    });
    release();
    await winner;

    const err = await loser;
    expect(err).toBeInstanceOf(ConflictError);
    expect(uniqueViolationConstraint((err as ConflictError).cause)).toBe('events_pkey');
    expect((await store.load(stream, id)).map((e) => e.eventName)).toEqual(['test.Winner']);
  });
});
