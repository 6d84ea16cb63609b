// A TransactionRunner for library tests that run without NestJS: one pg transaction per `run`, found again by
// `executor()` through AsyncLocalStorage. Production code uses libs/tm's nestjs-cls runner; this double exists so
// libraries below tm (es, sec) can test against real PostgreSQL transactions without booting a Nest context.
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { SqlExecutor, TransactionRunner } from '@mallbots/tm';

export class PgTestTransactionRunner implements TransactionRunner {
  private readonly als = new AsyncLocalStorage<pg.PoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.als.getStore()) return work();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.als.run(client, work);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  executor(): SqlExecutor {
    return (this.als.getStore() ?? this.pool) as unknown as SqlExecutor;
  }

  inTransaction(): boolean {
    return this.als.getStore() !== undefined;
  }
}
