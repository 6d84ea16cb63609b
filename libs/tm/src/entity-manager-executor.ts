import type { EntityManager, QueryRunner } from 'typeorm';
import type { SqlExecutor, SqlResult } from './sql.js';

/**
 * Adapts a TypeORM EntityManager (the transaction object of @nestjs-cls/transactional's TypeORM adapter, or the
 * DataSource's default manager outside a transaction) to SqlExecutor.
 *
 * `EntityManager.query()` is not usable for this: for UPDATE/DELETE it returns `[rows, rowCount]` instead of rows,
 * and it never reports the affected count of an INSERT. The query runner's structured result (`useStructuredResult`)
 * carries both, so that is what we read.
 */
export function entityManagerExecutor(manager: EntityManager): SqlExecutor {
  return {
    async query<R>(sql: string, params?: unknown[]): Promise<SqlResult<R>> {
      if (manager.queryRunner) return structured<R>(manager.queryRunner, sql, params);
      // The default manager has no runner of its own: borrow a pooled connection for this one statement.
      const runner = manager.dataSource.createQueryRunner();
      try {
        return await structured<R>(runner, sql, params);
      } finally {
        await runner.release();
      }
    },
  };
}

async function structured<R>(runner: QueryRunner, sql: string, params: unknown[] | undefined): Promise<SqlResult<R>> {
  const result = await runner.query(sql, params as unknown[] | undefined, true);
  // A multi-statement query (e.g. a DDL script) yields no single result: no rows, unknown count.
  return { rows: (result.records ?? []) as R[], rowCount: result.affected ?? null };
}
