import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { inSavepoint } from './savepoint.js';
import { bootTransactionalTestApp, type TransactionalTestApp } from './testing.js';

describe('inSavepoint', () => {
  let db: TestDatabase;
  let t: TransactionalTestApp;
  const rows = async () => (await db.pool.query<{ v: string }>('SELECT v FROM notes ORDER BY v')).rows.map((r) => r.v);
  const write = (v: string) => t.runner.executor().query('INSERT INTO notes (v) VALUES ($1)', [v]);

  beforeAll(async () => {
    db = await createTestDatabase('tm_savepoint');
    t = await bootTransactionalTestApp(db.url);
    await db.pool.query('CREATE TABLE notes (v text)');
  });
  beforeEach(() => db.pool.query('TRUNCATE notes'));
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('undoes only the failed work; the transaction goes on and commits the rest', async () => {
    const isolate = inSavepoint(t.runner);
    await t.runner.run(async () => {
      await write('before');
      await expect(
        isolate(async () => {
          await write('partial');
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await write('after');
    });
    expect(await rows()).toEqual(['after', 'before']);
  });

  it('keeps the work that succeeds, also when nested', async () => {
    const isolate = inSavepoint(t.runner);
    await t.runner.run(async () => {
      await isolate(async () => {
        await write('outer');
        await isolate(async () => {
          await write('inner');
          throw new Error('inner refused');
        }).catch(() => undefined);
      });
    });
    expect(await rows()).toEqual(['outer']);
  });

  it('outside a transaction, runs the work in one of its own', async () => {
    await expect(
      inSavepoint(t.runner)(async () => {
        await write('alone');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rows()).toEqual([]);
  });
});
