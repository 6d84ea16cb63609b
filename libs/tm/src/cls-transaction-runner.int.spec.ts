import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { TRANSACTION_RUNNER } from './tm.module.js';
import { bootTransactionalTestApp, type TransactionalTestApp } from './testing.js';

describe('ClsTransactionRunner (nestjs-cls + TypeORM adapter in a Nest application context)', () => {
  let db: TestDatabase;
  let t: TransactionalTestApp;
  const count = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM items')).rows[0]!.n;
  const insert = (name: string) => t.runner.executor().query('INSERT INTO items (name) VALUES ($1)', [name]);

  beforeAll(async () => {
    db = await createTestDatabase('tm_tx');
    await db.pool.query('CREATE TABLE items (name text PRIMARY KEY)');
    t = await bootTransactionalTestApp(db.url);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });
  beforeEach(() => db.pool.query('TRUNCATE items'));

  it('is provided under TRANSACTION_RUNNER', () => {
    expect(t.app.get(TRANSACTION_RUNNER)).toBe(t.runner);
  });

  it('commits when the work resolves', async () => {
    await t.runner.run(async () => {
      expect(t.runner.inTransaction()).toBe(true);
      await insert('a');
      // Not visible to others before commit.
      expect(await count()).toBe(0);
    });
    expect(await count()).toBe(1);
    expect(t.runner.inTransaction()).toBe(false);
  });

  it('rolls back and re-throws when the work throws', async () => {
    const boom = new Error('boom');
    await expect(
      t.runner.run(async () => {
        await insert('a');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await count()).toBe(0);
  });

  it('a nested run joins the outer transaction: an inner success is rolled back with the outer failure', async () => {
    await expect(
      t.runner.run(async () => {
        await t.runner.run(() => insert('inner'));
        expect(await count()).toBe(0);
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await count()).toBe(0);
  });

  it('concurrent runs are isolated: each commits or rolls back only its own work', async () => {
    let releaseB!: () => void;
    const bMayFinish = new Promise<void>((r) => (releaseB = r));
    const a = t.runner.run(async () => {
      await insert('a');
      await bMayFinish;
      throw new Error('a fails');
    });
    const b = t.runner.run(async () => {
      await insert('b');
      releaseB();
    });
    await expect(a).rejects.toThrow('a fails');
    await b;
    expect((await db.pool.query('SELECT name FROM items')).rows).toEqual([{ name: 'b' }]);
  });

  it('executor() reports rows and affected counts for every statement kind, in and outside a transaction', async () => {
    await t.runner.run(async () => {
      expect((await insert('x')).rowCount).toBe(1);
      const updated = await t.runner.executor().query("UPDATE items SET name = name || '!' WHERE name LIKE 'x%'");
      expect(updated).toEqual({ rows: [], rowCount: 1 });
      const selected = await t.runner.executor().query<{ name: string }>('SELECT name FROM items');
      expect(selected.rows).toEqual([{ name: 'x!' }]);
    });
    const outside = t.runner.executor();
    expect((await outside.query("DELETE FROM items WHERE name = 'x!'")).rowCount).toBe(1);
    expect((await outside.query("DELETE FROM items WHERE name = 'none'")).rowCount).toBe(0);
  });
});
