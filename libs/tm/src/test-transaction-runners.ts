// Transaction runners for tests that run without NestJS. Production code uses ClsTransactionRunner (nestjs-cls);
// these doubles let libraries and services test against real PostgreSQL transactions, or against in-memory stores,
// without booting a Nest context.
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { SqlExecutor, TransactionRunner } from './sql.js';

/** One real pg transaction per `run` (nested runs join it), found again by `executor()` through AsyncLocalStorage. */
export class PgTestTransactionRunner implements TransactionRunner {
  private readonly als = new AsyncLocalStorage<pg.PoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.als.getStore()) return work();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await this.als.run(client, work);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection whose ROLLBACK failed is broken: destroy it instead of returning it to the pool.
      broken = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: Error) => rollbackError,
      );
      throw err;
    } finally {
      client.release(broken);
    }
  }

  executor(): SqlExecutor {
    return (this.als.getStore() ?? this.pool) as unknown as SqlExecutor;
  }

  inTransaction(): boolean {
    return this.als.getStore() !== undefined;
  }
}

/**
 * For in-memory stores: runs one top-level `run` at a time (nested runs join it), which gives in-memory stores the
 * serialisation a PostgreSQL row lock would. It has no database and no rollback: use PgTestTransactionRunner for that.
 */
export class InMemoryTransactionRunner implements TransactionRunner {
  private readonly als = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.als.getStore()) return work();
    const result = this.tail.then(() => this.als.run(true, work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  executor(): SqlExecutor {
    throw new Error('InMemoryTransactionRunner has no database: use in-memory stores, or PgTestTransactionRunner');
  }

  inTransaction(): boolean {
    return this.als.getStore() === true;
  }
}
