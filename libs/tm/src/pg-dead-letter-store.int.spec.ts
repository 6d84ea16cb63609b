import { describeDeadLetterStoreContract } from '@mallbots/am/testing';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { PgDeadLetterStore } from './pg-dead-letter-store.js';
import { delivered, testMessage } from './testing.js';
import { tmSchemaSql } from './tm-schema.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('tm_dlq');
  await db.pool.query(tmSchemaSql);
});
afterAll(() => db.drop());

describeDeadLetterStoreContract('PgDeadLetterStore', async () => {
  await db.pool.query('TRUNCATE dead_letters, message_failures');
  return { store: new PgDeadLetterStore(db.pool) };
});

describe('PgDeadLetterStore (PostgreSQL specifics)', () => {
  it('moves the recorded failures into the dead letter, so they are not counted twice later', async () => {
    await db.pool.query('TRUNCATE dead_letters, message_failures');
    const store = new PgDeadLetterStore(db.pool);
    const m = testMessage();
    await store.recordFailure('c', delivered(m, 'c', 1), 'first');
    expect((await db.pool.query('SELECT * FROM message_failures')).rowCount).toBe(1);
    await store.deadLetter('c', delivered(m, 'c', 2), 'second');
    expect((await db.pool.query('SELECT * FROM message_failures')).rowCount).toBe(0);
  });
});
