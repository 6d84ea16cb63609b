import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { SqlExecutor, SqlResult, Statement } from './sql.js';

type PgQueryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * Adapts a TypeORM EntityManager (the transaction object of @nestjs-cls/transactional's TypeORM adapter, or the
 * DataSource's default manager outside a transaction) to SqlExecutor.
 *
 * Statements go straight to the pg connection underneath rather than through `EntityManager.query()`, for two
 * reasons: TypeORM cannot run named (prepared) statements, which the libraries' hot paths rely on, and its result
 * shape varies by command (`[rows, rowCount]` for UPDATE/DELETE, no count for INSERT). Inside a transaction the
 * connection is the transaction's own (its query runner is connected), so the statement joins the transaction.
 */
export function entityManagerExecutor(manager: EntityManager): SqlExecutor {
  return {
    async query<R>(sql: string | Statement, params?: unknown[]): Promise<SqlResult<R>> {
      const connection: PgQueryable = manager.queryRunner
        ? await manager.queryRunner.connect()
        : // Outside a transaction: the DataSource's pg pool, one pooled connection for this one statement.
          (manager.connection.driver as unknown as { master: pg.Pool }).master;
      return run<R>(connection, sql, params);
    },
  };
}

async function run<R>(connection: PgQueryable, sql: string | Statement, params: unknown[] | undefined): Promise<SqlResult<R>> {
  const config = typeof sql === 'string' ? { text: sql } : { text: sql.text, name: sql.name };
  const result = (await connection.query(config, params)) as pg.QueryResult | pg.QueryResult[];
  // A multi-statement script (e.g. DDL without parameters) yields one result per statement: no rows, unknown count.
  if (Array.isArray(result)) return { rows: [], rowCount: null };
  return { rows: result.rows as R[], rowCount: result.rowCount };
}
