import { createTestDatabase, eventually, type TestDatabase } from '@mallbots/testing';
import { cleanupMessages, RetentionJob } from './retention.js';
import { tmSchemaSql } from './tm-schema.js';

const hour = 3_600_000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('message retention', () => {
  let db: TestDatabase;
  const ids = async (sql: string) => (await db.pool.query<{ id: string }>(sql)).rows.map((r) => r.id).sort();

  beforeAll(async () => {
    db = await createTestDatabase('tm_retention');
    await db.pool.query(tmSchemaSql);
  });
  afterAll(() => db.drop());

  beforeEach(async () => {
    await db.pool.query('TRUNCATE inbox, outbox, message_failures');
    // 5 old + 1 recent of each; old unpublished outbox rows must survive.
    await db.pool.query(`
      INSERT INTO inbox (consumer, message_id, name, subject, received_at)
        SELECT 'c', 'old-' || i, 'n', 's', now() - interval '3 hours' FROM generate_series(1, 5) i
        UNION ALL SELECT 'c', 'new', 'n', 's', now();
      INSERT INTO outbox (id, name, subject, payload, occurred_at, created_at, published_at)
        SELECT 'old-' || i, 'n', 's', ''::bytea, now(), now() - interval '3 hours', now() - interval '3 hours' FROM generate_series(1, 5) i
        UNION ALL SELECT 'new', 'n', 's', ''::bytea, now(), now(), now()
        UNION ALL SELECT 'old-unpublished', 'n', 's', ''::bytea, now(), now() - interval '3 hours', NULL;
      INSERT INTO message_failures (consumer, message_id, attempt, error, at)
        SELECT 'c', 'old-' || i, 1, 'e', now() - interval '3 hours' FROM generate_series(1, 5) i
        UNION ALL SELECT 'c', 'new', 1, 'e', now();`);
  });

  it('deletes only rows older than their limit, in bounded batches, and never unpublished outbox rows', async () => {
    const deleted = await cleanupMessages(db.pool, { inboxOlderThanMs: hour, publishedOutboxOlderThanMs: hour, failuresOlderThanMs: hour, batchSize: 2 });
    expect(deleted).toEqual({ inbox: 5, outbox: 5, failures: 5 });
    expect(await ids('SELECT message_id AS id FROM inbox')).toEqual(['new']);
    expect(await ids('SELECT id FROM outbox')).toEqual(['new', 'old-unpublished']);
    expect(await ids('SELECT message_id AS id FROM message_failures')).toEqual(['new']);
  });

  it('keeps rows younger than the limit', async () => {
    const deleted = await cleanupMessages(db.pool, { inboxOlderThanMs: 4 * hour, publishedOutboxOlderThanMs: 4 * hour, failuresOlderThanMs: 4 * hour });
    expect(deleted).toEqual({ inbox: 0, outbox: 0, failures: 0 });
  });

  it('RetentionJob cleans up periodically once started', async () => {
    const job = new RetentionJob({ db: db.pool, intervalMs: 50, inboxOlderThanMs: hour, publishedOutboxOlderThanMs: hour, failuresOlderThanMs: hour, logger: silent });
    job.start();
    try {
      await eventually(async () => (await ids('SELECT message_id AS id FROM inbox')).length === 1);
      await db.pool.query("INSERT INTO inbox (consumer, message_id, name, subject, received_at) VALUES ('c', 'later', 'n', 's', now() - interval '2 hours')");
      await eventually(async () => !(await ids('SELECT message_id AS id FROM inbox')).includes('later'));
    } finally {
      await job.stop();
    }
  });
});
