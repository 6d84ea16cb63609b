// The PostgreSQL caches and repository pass the same contract suites as the application tests' in-memory doubles.
import { fileURLToPath } from 'node:url';
import { migrationsFromDirectory, runMigrations } from '@mallbots/platform';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { PgTestTransactionRunner } from '@mallbots/tm/testing';
import { describeProductCacheContract, describeStoreCacheContract } from '../../application/testing/cache.contract.js';
import { ShoppingList } from '../../domain/index.js';
import { ShoppingListPgRepository } from './shopping-list.pg.repository.js';
import { ProductCachePgRepository } from './product-cache.pg.repository.js';
import { StoreCachePgRepository } from './store-cache.pg.repository.js';

const migrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('depot_tables');
  await runMigrations(db.pool, migrationsFromDirectory(migrationsDir));
});

afterAll(async () => {
  await db?.drop();
});

describeStoreCacheContract('PostgreSQL', () => new StoreCachePgRepository(new PgTestTransactionRunner(db.pool)));
describeProductCacheContract('PostgreSQL', () => new ProductCachePgRepository(new PgTestTransactionRunner(db.pool)));

describe('ShoppingListPgRepository', () => {
  const repo = () => new ShoppingListPgRepository(new PgTestTransactionRunner(db.pool));
  const make = (id: string, orderId: string) =>
    ShoppingList.create(id, orderId, [{ store: { id: 's-1', name: 'S', location: 'L' }, product: { id: 'p-1', storeId: 's-1', name: 'P' }, quantity: 2 }]);

  it('stores, reads back (by id and by order) and updates a list under its optimistic lock', async () => {
    const list = make('sl-a', 'o-a');
    await repo().save(list);
    expect((await repo().find('sl-a'))?.toState()).toEqual(list.toState());
    expect((await repo().findByOrderId('o-a'))?.id).toBe('sl-a');

    const first = (await repo().find('sl-a'))!;
    const second = (await repo().find('sl-a'))!;
    first.initiate();
    await repo().save(first);
    second.cancel();
    await expect(repo().save(second)).rejects.toMatchObject({ name: 'ConflictError' });
    expect((await repo().find('sl-a'))?.toState()).toMatchObject({ status: 'available', version: 2 });
  });

  it('keeps one list per order (ConflictError for a second one) and lists by status, oldest first', async () => {
    await repo().save(make('sl-b', 'o-b'));
    await expect(repo().save(make('sl-c', 'o-b'))).rejects.toMatchObject({ name: 'ConflictError' });
    await repo().save(make('sl-d', 'o-d'));
    expect((await repo().list({ status: 'pending', limit: 10 })).map((l) => l.id)).toEqual(['sl-b', 'sl-d']);
    expect((await repo().list({ status: 'pending', limit: 1 })).map((l) => l.id)).toEqual(['sl-b']);
    expect(await repo().list({ status: 'completed', limit: 10 })).toEqual([]);
    expect(await repo().find('nope')).toBeUndefined();
  });
});
