import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { migrationsFromDirectory, runMigrations } from './migrations.js';

describe('runMigrations', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('platform_migrations');
  });
  afterEach(() => db.drop());

  const tables = async () => (await db.pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);

  it('applies files in order once, and only new ones on the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (id int)');
    writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE b (id int)');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(await runMigrations(db.pool, migrationsFromDirectory(dir))).toEqual(['001_a', '002_b']);
    writeFileSync(join(dir, '003_c.sql'), 'CREATE TABLE c (id int)');
    expect(await runMigrations(db.pool, migrationsFromDirectory(dir))).toEqual(['003_c']);
    expect(await tables()).toEqual(['a', 'b', 'c', 'schema_migrations']);
  });

  it('rolls a failing migration back completely and stops there', async () => {
    const migrations = [
      { version: '001_ok', sql: 'CREATE TABLE ok (id int)' },
      { version: '002_bad', sql: 'CREATE TABLE half (id int); SELECT * FROM missing_table' },
      { version: '003_never', sql: 'CREATE TABLE never (id int)' },
    ];
    await expect(runMigrations(db.pool, migrations)).rejects.toThrow('migration 002_bad failed and was rolled back');
    expect(await tables()).toEqual(['ok', 'schema_migrations']);
  });

  it('migrates once when replicas start together', async () => {
    const migrations = [{ version: '001_slow', sql: 'SELECT pg_sleep(0.2); CREATE TABLE once (id int)' }];
    const results = await Promise.all([runMigrations(db.pool, migrations), runMigrations(db.pool, migrations), runMigrations(db.pool, migrations)]);
    expect(results.flat()).toEqual(['001_slow']);
  });

  it('refuses a missing folder instead of running with an empty schema', () => {
    expect(() => migrationsFromDirectory('/nonexistent/migrations')).toThrow('does not exist');
  });
});
