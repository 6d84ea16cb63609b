import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@mallbots/ddd';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { Product } from '../../domain/index.js';
import type { CachedProduct, ProductCache } from '../../application/ports/product-cache.port.js';

// Prices are integer cents (bigint); pg hands bigints back as strings, read with Number (cents stay far below 2^53).
const FIND = prepared('SELECT id, store_id, name, price_cents::text AS price_cents, removed FROM products_cache WHERE id = $1');
// No write here can raise a unique violation: a fallback and an event inserting one product never fail (N03).
const ADDED = prepared(
  `INSERT INTO products_cache (id, store_id, name, price_cents, source) VALUES ($1, $2, $3, $4, 'event')
   ON CONFLICT (id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, price_cents = EXCLUDED.price_cents,
     source = 'event', updated_at = now()
   WHERE products_cache.source = 'fallback' AND NOT products_cache.removed`,
);
const FALLBACK = prepared(
  `INSERT INTO products_cache (id, store_id, name, price_cents, source) VALUES ($1, $2, $3, $4, 'fallback') ON CONFLICT (id) DO NOTHING`,
);
const REBRAND = prepared('UPDATE products_cache SET name = $2, updated_at = now() WHERE id = $1 AND NOT removed');
const CHANGE_PRICE = prepared('UPDATE products_cache SET price_cents = price_cents + $2, updated_at = now() WHERE id = $1 AND NOT removed');
const REMOVE = prepared(
  `INSERT INTO products_cache (id, store_id, name, price_cents, source, removed) VALUES ($1, '', '', 0, 'event', true)
   ON CONFLICT (id) DO UPDATE SET removed = true, updated_at = now()`,
);

interface ProductRow {
  id: string;
  store_id: string;
  name: string;
  price_cents: string;
  removed: boolean;
}

@Injectable()
export class ProductCachePgRepository implements ProductCache {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<CachedProduct | undefined> {
    const { rows } = await this.tx.executor().query<ProductRow>(FIND, [id]);
    const row = rows[0];
    if (!row) return undefined;
    if (row.removed) return { removed: true, id: row.id };
    return { removed: false, product: Product.of({ id: row.id, storeId: row.store_id, name: row.name, price: Money.ofCents(Number(row.price_cents)) }) };
  }

  async added(product: Product): Promise<void> {
    await this.tx.executor().query(ADDED, [product.id, product.storeId, product.name, product.price.cents]);
  }

  async cacheFallback(product: Product): Promise<void> {
    await this.tx.executor().query(FALLBACK, [product.id, product.storeId, product.name, product.price.cents]);
  }

  async rebrand(id: string, name: string): Promise<void> {
    await this.tx.executor().query(REBRAND, [id, name]);
  }

  async changePrice(id: string, delta: Money): Promise<void> {
    await this.tx.executor().query(CHANGE_PRICE, [id, delta.cents]);
  }

  async remove(id: string): Promise<void> {
    await this.tx.executor().query(REMOVE, [id]);
  }
}
