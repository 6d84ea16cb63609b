import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

/** One schema change, applied once, in version order. */
export interface Migration {
  /** Sortable and unique, e.g. `001_create_customers` (the file name without `.sql`). */
  readonly version: string;
  readonly sql: string;
}

/**
 * `NNN_description.sql` files of a service's `migrations/` folder, in name order. A folder that does not exist is
 * an error: a service started from the wrong directory must not run with an empty schema.
 */
export function migrationsFromDirectory(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations folder ${dir} does not exist`);
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction with its record, under
 * an advisory lock so that replicas starting together migrate once (requirements 3.23, S02). A failed migration
 * rolls back completely (PostgreSQL DDL is transactional), so there is no "dirty" state to repair: fix the file
 * and start again. Returns the versions applied now.
 */
export async function runMigrations(pool: pg.Pool, migrations: readonly Migration[], lockName = 'mallbots:migrations'): Promise<string[]> {
  const versions = new Set<string>();
  for (const m of migrations) {
    if (versions.has(m.version)) throw new Error(`migration ${m.version} is listed twice`);
    versions.add(m.version);
  }
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockName]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        try {
          await client.query('BEGIN');
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${m.version} failed and was rolled back: ${(err as Error).message}`, { cause: err });
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockName]);
    }
  } finally {
    client.release();
  }
}
