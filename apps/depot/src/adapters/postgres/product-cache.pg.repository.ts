import { Inject, Injectable } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import type { CachedProduct, ProductCache } from '../../application/ports/product-cache.port.js';
import type { Product } from '../../domain/index.js';

const FIND = prepared('SELECT id, store_id, name, removed FROM products_cache WHERE id = $1');
// No write here can raise a unique violation: a fallback and an event inserting one product never fail (N03).
const ADDED = prepared(
  `INSERT INTO products_cache (id, store_id, name, source) VALUES ($1, $2, $3, 'event')
   ON CONFLICT (id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, source = 'event', updated_at = now()
   WHERE products_cache.source = 'fallback' AND NOT products_cache.removed`,
);
const FALLBACK = prepared(`INSERT INTO products_cache (id, store_id, name, source) VALUES ($1, $2, $3, 'fallback') ON CONFLICT (id) DO NOTHING`);
const REBRAND = prepared('UPDATE products_cache SET name = $2, updated_at = now() WHERE id = $1 AND NOT removed');
const REMOVE = prepared(
  `INSERT INTO products_cache (id, store_id, name, source, removed) VALUES ($1, '', '', 'event', true)
   ON CONFLICT (id) DO UPDATE SET removed = true, updated_at = now()`,
);

interface ProductRow {
  id: string;
  store_id: string;
  name: string;
  removed: boolean;
}

@Injectable()
export class ProductCachePgRepository implements ProductCache {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<CachedProduct | undefined> {
    const { rows } = await this.tx.executor().query<ProductRow>(FIND, [id]);
    const row = rows[0];
    if (!row) return undefined;
    return row.removed ? { removed: true, id: row.id } : { removed: false, product: { id: row.id, storeId: row.store_id, name: row.name } };
  }

  async added(product: Product): Promise<void> {
    await this.tx.executor().query(ADDED, [product.id, product.storeId, product.name]);
  }

  async cacheFallback(product: Product): Promise<void> {
    await this.tx.executor().query(FALLBACK, [product.id, product.storeId, product.name]);
  }

  async rebrand(id: string, name: string): Promise<void> {
    await this.tx.executor().query(REBRAND, [id, name]);
  }

  async remove(id: string): Promise<void> {
    await this.tx.executor().query(REMOVE, [id]);
  }
}
