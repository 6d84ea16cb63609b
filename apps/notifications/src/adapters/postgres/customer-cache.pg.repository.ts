import { Inject, Injectable } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { CachedCustomer } from '../../domain/index.js';
import type { CacheSource, CustomerCache } from '../../application/ports/customer-cache.port.js';

const FIND = prepared('SELECT id, name, sms_number, sms_number_at, enabled, enabled_at FROM customers_cache WHERE id = $1 FOR UPDATE');
// ON CONFLICT DO NOTHING: a racing first insert waits for the other transaction and then reports 0 rows instead of
// aborting this transaction with a unique violation (the reference's caches did, §14.5 #45); the caller re-reads.
const INSERT = prepared(
  `INSERT INTO customers_cache (id, name, sms_number, sms_number_at, enabled, enabled_at, source) VALUES ($1, $2, $3, $4, $5, $6, $7)
   ON CONFLICT (id) DO NOTHING`,
);
const UPDATE = prepared(
  'UPDATE customers_cache SET name = $2, sms_number = $3, sms_number_at = $4, enabled = $5, enabled_at = $6, source = $7, updated_at = now() WHERE id = $1',
);

interface CustomerRow {
  id: string;
  name: string | null;
  sms_number: string | null;
  sms_number_at: Date | null;
  enabled: boolean | null;
  enabled_at: Date | null;
}

@Injectable()
export class CustomerCachePgRepository implements CustomerCache {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<CachedCustomer | undefined> {
    const { rows } = await this.tx.executor().query<CustomerRow>(FIND, [id]);
    const row = rows[0];
    if (!row) return undefined;
    return CachedCustomer.fromState({
      id: row.id,
      name: row.name ?? undefined,
      smsNumber: row.sms_number ?? undefined,
      smsNumberAt: row.sms_number_at ?? undefined,
      enabled: row.enabled ?? undefined,
      enabledAt: row.enabled_at ?? undefined,
    });
  }

  async save(customer: CachedCustomer, isNew: boolean, source: CacheSource): Promise<boolean> {
    const { id, name, smsNumber, smsNumberAt, enabled, enabledAt } = customer.state;
    const params = [id, name ?? null, smsNumber ?? null, smsNumberAt ?? null, enabled ?? null, enabledAt ?? null, source];
    const { rowCount } = await this.tx.executor().query(isNew ? INSERT : UPDATE, params);
    return (rowCount ?? 0) > 0;
  }
}
