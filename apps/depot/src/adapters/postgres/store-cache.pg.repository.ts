import { Inject, Injectable } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import type { Store } from '../../domain/index.js';
import type { StoreCache } from '../../application/ports/store-cache.port.js';

const FIND = prepared('SELECT id, name, location FROM stores_cache WHERE id = $1');
// ON CONFLICT … DO UPDATE/NOTHING never raises a unique violation, so a fallback and an event inserting the same
// store at once never abort either transaction (N03; the reference's search caches did, §14.5 item 45).
const CREATED = prepared(
  `INSERT INTO stores_cache (id, name, location, source) VALUES ($1, $2, $3, 'event')
   ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, location = EXCLUDED.location, source = 'event', updated_at = now()
   WHERE stores_cache.source = 'fallback'`,
);
const FALLBACK = prepared(`INSERT INTO stores_cache (id, name, location, source) VALUES ($1, $2, $3, 'fallback') ON CONFLICT (id) DO NOTHING`);
const RENAME = prepared('UPDATE stores_cache SET name = $2, updated_at = now() WHERE id = $1');

@Injectable()
export class StoreCachePgRepository implements StoreCache {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<Store | undefined> {
    const { rows } = await this.tx.executor().query<Store>(FIND, [id]);
    return rows[0];
  }

  async created(store: Store): Promise<void> {
    await this.tx.executor().query(CREATED, [store.id, store.name, store.location]);
  }

  async cacheFallback(store: Store): Promise<void> {
    await this.tx.executor().query(FALLBACK, [store.id, store.name, store.location]);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.tx.executor().query(RENAME, [id, name]);
  }
}
