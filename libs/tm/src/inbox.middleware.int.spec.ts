import { jest } from '@jest/globals';
import { context, createContextKey } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
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

  describe('group commit', () => {
    const txid = async () => (await t.runner.executor().query<{ id: string }>('SELECT txid_current()::text AS id')).rows[0]!.id;

    it('commits messages that arrive while the transactions are busy together, each exactly once', async () => {
      const transactions = new Set<string>();
      const handle = withMiddleware(async (m) => {
        transactions.add(await txid());
        await applyEffect(m);
      }, inboxMiddleware(t.runner, { maxTransactions: 1 }));
      const messages = Array.from({ length: 20 }, () => testMessage());
      await Promise.all(messages.map((m) => handle(delivered(m, 'c'))));
      for (const m of messages) expect(await effects(m.id)).toBe(1);
      // The first message found the one transaction free; the other 19 queued behind it and shared the next.
      expect(transactions.size).toBe(2);
    });

    it('a failing message fails alone: the others of its batch commit once, and its effects roll back', async () => {
      const poison = testMessage();
      const calls = new Map<string, number>();
      const handle = withMiddleware(async (m) => {
        calls.set(m.id, (calls.get(m.id) ?? 0) + 1);
        await applyEffect(m);
        if (m.id === poison.id) throw new Error('poison');
      }, inboxMiddleware(t.runner, { maxTransactions: 1 }));
      const first = testMessage();
      const rest = Array.from({ length: 6 }, (_, i) => (i === 3 ? poison : testMessage()));
      const outcomes = await Promise.allSettled([first, ...rest].map((m) => handle(delivered(m, 'c'))));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[4] as PromiseRejectedResult).reason).toMatchObject({ message: 'poison' });
      expect(await effects(poison.id)).toBe(0);
      expect(await inboxRows(poison.id)).toEqual([]);
      for (const m of [first, ...rest].filter((m) => m !== poison)) expect(await effects(m.id)).toBe(1);
      // The batch ran once and rolled back; then each of its messages ran alone.
      expect(calls.get(rest[0]!.id)).toBe(2);
      expect(calls.get(poison.id)).toBe(2);
    });

    it('two deliveries of one message in the same batch are handled once', async () => {
      const handler = jest.fn(applyEffect);
      const handle = withMiddleware(handler, inboxMiddleware(t.runner, { maxTransactions: 1 }));
      const busy = testMessage();
      const m = testMessage();
      await Promise.all([handle(delivered(busy, 'c')), handle(delivered(m, 'c', 1)), handle(delivered(m, 'c', 2))]);
      expect(await effects(m.id)).toBe(1);
      expect(handler).toHaveBeenCalledTimes(2);
    });

    it("runs each handler in its own message's trace context, not the batch's", async () => {
      const manager = new AsyncLocalStorageContextManager().enable();
      context.setGlobalContextManager(manager);
      try {
        const key = createContextKey('message');
        const seen = new Map<string, unknown>();
        const handle = withMiddleware(async (m) => {
          seen.set(m.id, context.active().getValue(key));
        }, inboxMiddleware(t.runner, { maxTransactions: 1 }));
        const messages = Array.from({ length: 5 }, () => testMessage());
        await Promise.all(messages.map((m) => context.with(context.active().setValue(key, m.id), () => handle(delivered(m, 'c')))));
        expect(seen.size).toBe(5);
        for (const m of messages) expect(seen.get(m.id)).toBe(m.id);
      } finally {
        context.disable();
      }
    });
  });
});
