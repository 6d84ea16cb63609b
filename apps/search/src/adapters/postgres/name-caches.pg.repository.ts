import { Inject, Injectable } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type Statement, type TransactionRunner } from '@mallbots/tm/sql';
import type { CachedProduct, CustomerCache, ProductCache, StoreCache } from '../../application/ports/name-caches.port.js';

/** The statements of an (id, name) cache table. None can raise a unique violation (N03, §14.5 item 45). */
function nameStatements(table: 'customers_cache' | 'stores_cache') {
  return {
    find: prepared(`SELECT name FROM ${table} WHERE id = $1`),
    // The event is the authority: it replaces a fallback's row; an event row stays (a late duplicate of the
    // creation event must not undo a rename that followed it).
    fromEvent: prepared(
      `INSERT INTO ${table} (id, name, source) VALUES ($1, $2, 'event')
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, source = 'event', updated_at = now() WHERE ${table}.source = 'fallback'`,
    ),
    fallback: prepared(`INSERT INTO ${table} (id, name, source) VALUES ($1, $2, 'fallback') ON CONFLICT (id) DO NOTHING`),
    rename: prepared(`UPDATE ${table} SET name = $2, updated_at = now() WHERE id = $1`),
  };
}

/** customers_cache and stores_cache have the same shape and rules; only the table differs. */
abstract class NameCachePg {
  protected abstract readonly sql: Record<'find' | 'fromEvent' | 'fallback' | 'rename', Statement>;

  constructor(protected readonly tx: TransactionRunner) {}

  async findName(id: string): Promise<string | undefined> {
    const { rows } = await this.tx.executor().query<{ name: string }>(this.sql.find, [id]);
    return rows[0]?.name;
  }

  async cacheFallback(id: string, name: string): Promise<void> {
    await this.tx.executor().query(this.sql.fallback, [id, name]);
  }

  protected async fromEvent(id: string, name: string): Promise<void> {
    await this.tx.executor().query(this.sql.fromEvent, [id, name]);
  }
}

@Injectable()
export class CustomerCachePgRepository extends NameCachePg implements CustomerCache {
  protected readonly sql = nameStatements('customers_cache');

  constructor(@Inject(TRANSACTION_RUNNER) tx: TransactionRunner) {
    super(tx);
  }

  registered(id: string, name: string): Promise<void> {
    return this.fromEvent(id, name);
  }
}

@Injectable()
export class StoreCachePgRepository extends NameCachePg implements StoreCache {
  protected readonly sql = nameStatements('stores_cache');

  constructor(@Inject(TRANSACTION_RUNNER) tx: TransactionRunner) {
    super(tx);
  }

  created(id: string, name: string): Promise<void> {
    return this.fromEvent(id, name);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.tx.executor().query(this.sql.rename, [id, name]);
  }
}

const PRODUCT = {
  find: prepared('SELECT id, store_id, name FROM products_cache WHERE id = $1'),
  added: prepared(
    `INSERT INTO products_cache (id, store_id, name, source) VALUES ($1, $2, $3, 'event')
     ON CONFLICT (id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, source = 'event', updated_at = now()
     WHERE products_cache.source = 'fallback'`,
  ),
  fallback: prepared(`INSERT INTO products_cache (id, store_id, name, source) VALUES ($1, $2, $3, 'fallback') ON CONFLICT (id) DO NOTHING`),
  rebrand: prepared('UPDATE products_cache SET name = $2, updated_at = now() WHERE id = $1'),
  remove: prepared('UPDATE products_cache SET removed = true, updated_at = now() WHERE id = $1'),
};

@Injectable()
export class ProductCachePgRepository implements ProductCache {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<CachedProduct | undefined> {
    const { rows } = await this.tx.executor().query<{ id: string; store_id: string; name: string }>(PRODUCT.find, [id]);
    const row = rows[0];
    return row && { id: row.id, storeId: row.store_id, name: row.name };
  }

  async added(product: CachedProduct): Promise<void> {
    await this.tx.executor().query(PRODUCT.added, [product.id, product.storeId, product.name]);
  }

  async cacheFallback(product: CachedProduct): Promise<void> {
    await this.tx.executor().query(PRODUCT.fallback, [product.id, product.storeId, product.name]);
  }

  async rebrand(id: string, name: string): Promise<void> {
    await this.tx.executor().query(PRODUCT.rebrand, [id, name]);
  }

  async remove(id: string): Promise<void> {
    await this.tx.executor().query(PRODUCT.remove, [id]);
  }
}
