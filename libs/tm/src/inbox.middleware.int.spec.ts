import { jest } from '@jest/globals';
import { withMiddleware, type IncomingMessage } from '@mallbots/am';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import { inboxMiddleware } from './inbox.middleware.js';
import { bootTransactionalTestApp, delivered, testMessage, type TransactionalTestApp } from './testing.js';

describe('inboxMiddleware', () => {
  let db: TestDatabase;
  let t: TransactionalTestApp;
  /** The handler's state change: one row per processing of a message. */
  const effects = async (id: string) => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM effects WHERE message_id = $1', [id])).rows[0]!.n;
  const inboxRows = async (id: string) => (await db.pool.query<{ consumer: string }>('SELECT consumer FROM inbox WHERE message_id = $1 ORDER BY consumer', [id])).rows;
  const applyEffect = (m: IncomingMessage) => t.runner.executor().query('INSERT INTO effects (message_id, consumer) VALUES ($1, $2)', [m.id, m.consumer]).then(() => undefined);

  beforeAll(async () => {
    db = await createTestDatabase('tm_inbox');
    t = await bootTransactionalTestApp(db.url);
    await db.pool.query('CREATE TABLE effects (message_id text, consumer text)');
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('processes a message once; a redelivered duplicate is acked (resolves) without calling the handler', async () => {
    const handler = jest.fn(applyEffect);
    const handle = withMiddleware(handler, inboxMiddleware(t.runner));
    const m = testMessage();
    await handle(delivered(m, 'c', 1));
    await handle(delivered(m, 'c', 2));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(await effects(m.id)).toBe(1);
    expect(await inboxRows(m.id)).toEqual([{ consumer: 'c' }]);
  });

  it('concurrent deliveries of one message change state once', async () => {
    const handle = withMiddleware(applyEffect, inboxMiddleware(t.runner));
    const m = testMessage();
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => handle(delivered(m, 'c', i + 1))));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await effects(m.id)).toBe(1);
  });

  it('the handler runs in the same transaction as the inbox insert, committed before the middleware returns', async () => {
    const m = testMessage();
    let sawInboxRowFromOutside: number | undefined;
    const handle = withMiddleware(async (msg) => {
      expect(t.runner.inTransaction()).toBe(true);
      await applyEffect(msg);
      sawInboxRowFromOutside = (await inboxRows(msg.id)).length;
    }, inboxMiddleware(t.runner));
    await handle(delivered(m, 'c'));
    expect(sawInboxRowFromOutside).toBe(0); // uncommitted while the handler ran
    expect(await inboxRows(m.id)).toHaveLength(1); // committed when it returned
  });

  it('a failing handler rolls back its effects and the inbox row, so the redelivery is processed (#21)', async () => {
    const m = testMessage();
    let attempts = 0;
    const handle = withMiddleware(async (msg) => {
      attempts++;
      await applyEffect(msg);
      if (attempts === 1) throw new Error('transient');
    }, inboxMiddleware(t.runner));
    await expect(handle(delivered(m, 'c', 1))).rejects.toThrow('transient');
    expect(await effects(m.id)).toBe(0);
    expect(await inboxRows(m.id)).toEqual([]);
    await handle(delivered(m, 'c', 2));
    expect(attempts).toBe(2);
    expect(await effects(m.id)).toBe(1);
  });

  it('each consumer processes the same message once', async () => {
    const handle = withMiddleware(applyEffect, inboxMiddleware(t.runner));
    const m = testMessage();
    await handle(delivered(m, 'baskets-stores'));
    await handle(delivered(m, 'depot-stores'));
    await handle(delivered(m, 'depot-stores', 2));
    expect(await effects(m.id)).toBe(2);
    expect(await inboxRows(m.id)).toEqual([{ consumer: 'baskets-stores' }, { consumer: 'depot-stores' }]);
  });
});
