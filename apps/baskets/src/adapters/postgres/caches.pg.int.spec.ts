// The PostgreSQL caches pass the same contract suites as the application tests' in-memory doubles.
import { fileURLToPath } from 'node:url';
import { Money } from '@mallbots/ddd';
import { migrationsFromDirectory, runMigrations } from '@mallbots/platform';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { PgTestTransactionRunner } from '@mallbots/tm/testing';
import { describeProductCacheContract, describeStoreCacheContract } from '../../application/testing/cache.contract.js';
import { Product } from '../../domain/index.js';
import { ProductCachePgRepository } from './product-cache.pg.repository.js';
import { StoreCachePgRepository } from './store-cache.pg.repository.js';

const migrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('baskets_caches');
  await runMigrations(db.pool, migrationsFromDirectory(migrationsDir));
});

afterAll(async () => {
  await db?.drop();
});

describeStoreCacheContract('PostgreSQL', () => new StoreCachePgRepository(new PgTestTransactionRunner(db.pool)));
describeProductCacheContract('PostgreSQL', () => new ProductCachePgRepository(new PgTestTransactionRunner(db.pool)));

describe('products_cache rows', () => {
  it('hold prices as exact integer cents', async () => {
    const cache = new ProductCachePgRepository(new PgTestTransactionRunner(db.pool));
    await cache.added(Product.of({ id: 'p-exact', storeId: 's-1', name: 'x', price: Money.fromDecimal(9.99) }));
    for (let i = 0; i < 10; i++) await cache.changePrice('p-exact', Money.fromDecimal(0.01));
    expect((await db.pool.query("SELECT price_cents::int AS cents, source FROM products_cache WHERE id = 'p-exact'")).rows).toEqual([{ cents: 1009, source: 'event' }]);
  });
});
