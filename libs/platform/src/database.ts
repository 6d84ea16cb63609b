import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { PgConnection } from './service-config.js';

/** pg.Pool settings for a PgConnection. */
export function poolConfig(connection: PgConnection, extra: pg.PoolConfig = {}): pg.PoolConfig {
  return { ...connection, ...extra };
}

/** The TypeORM DataSource the transactional context (libs/tm) runs on; same database, own pool. */
export function createDataSource(connection: PgConnection, poolSize: number): DataSource {
  const base = 'connectionString' in connection ? { url: connection.connectionString } : {
    host: connection.host,
    port: connection.port,
    username: connection.user,
    password: connection.password,
    database: connection.database,
  };
  return new DataSource({
    type: 'postgres',
    ...base,
    // search_path and friends (a key/value PG_CONN) go to the server as startup options.
    extra: { max: poolSize, ...('options' in connection && connection.options ? { options: connection.options } : {}) },
  });
}
