// Integration-test helpers: each test file gets its own throwaway database on the shared PostgreSQL server that
// the Jest global setup started (MALLBOTS_PG_URL), so test files can run in parallel without interfering.
import pg from 'pg';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A pool on the test database (closed by `drop`). */
  readonly pool: pg.Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

export function serverUrl(): string {
  const url = process.env.MALLBOTS_PG_URL;
  if (!url) throw new Error('MALLBOTS_PG_URL is not set: run tests through `npm test` or `nx test <project>` (the Jest global setup starts PostgreSQL)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(prefix = 't', poolSize = 10): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client whose backend is terminated (a test killing sessions, a FORCE drop racing a straggler) emits
  // 'error' on the pool; without a listener that would crash whichever test file the worker runs next.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: serverUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
