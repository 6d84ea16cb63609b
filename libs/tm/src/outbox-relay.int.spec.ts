import { PgTestTransactionRunner } from './test-transaction-runners.js';
import { Registry } from 'prom-client';
import { withMiddleware, type Message } from '@mallbots/am';
import { createTestDatabase, eventually, type TestDatabase } from '@mallbots/testing';
import { inboxMiddleware } from './inbox.middleware.js';
import type { TmLogger } from './logger.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
import { OutboxWriter } from './outbox-writer.js';
import { delivered, FlakyPublisher, testMessage } from './testing.js';
import { tmSchemaSql } from './tm-schema.js';

const silent: TmLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('OutboxRelay', () => {
  let db: TestDatabase;
  let tx: PgTestTransactionRunner;
  let writer: OutboxWriter;
  let relays: OutboxRelay[];
  let channel: string;

  const relay = (publisher: FlakyPublisher, options: Partial<OutboxRelayOptions> = {}) => {
    const r = new OutboxRelay({
      pool: db.pool,
      publisher,
      channel,
      logger: silent,
      registry: new Registry(),
      pollIntervalMs: 60_000, // wake-ups must come from NOTIFY; the poll is only a fallback
      standbyRetryMs: 50,
      backoff: { initialMs: 10, maxMs: 50 },
      ...options,
    });
    relays.push(r);
    r.start();
    return r;
  };
  const write = (...messages: Message[]) => tx.run(() => writer.publish(messages));
  const floor = async () => Number((await db.pool.query<{ floor: string }>('SELECT floor FROM outbox_relay_state')).rows[0]!.floor);
  const unpublished = async () => (await db.pool.query<{ id: string }>('SELECT id FROM outbox WHERE published_at IS NULL ORDER BY seq')).rows.map((r) => r.id);

  beforeAll(async () => {
    db = await createTestDatabase('tm_relay', 20);
    await db.pool.query(tmSchemaSql);
    await db.pool.query('CREATE TABLE effects (message_id text)');
    tx = new PgTestTransactionRunner(db.pool);
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    // A channel (and so lock key) per test: a relay still shutting down from a previous test never interferes.
    channel = `outbox_${Math.random().toString(36).slice(2, 8)}`;
    writer = new OutboxWriter(tx, { channel });
    relays = [];
    await db.pool.query('TRUNCATE outbox, effects; UPDATE outbox_relay_state SET floor = 0');
  });
  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
  });

  it('publishes committed rows in seq order and marks them published', async () => {
    const publisher = new FlakyPublisher();
    const r = relay(publisher);
    const messages = Array.from({ length: 600 }, () => testMessage());
    await write(...messages.slice(0, 300));
    await write(...messages.slice(300));
    await eventually(async () => (await unpublished()).length === 0 && publisher.published.length === 600);
    expect(publisher.publishedIds()).toEqual(messages.map((m) => m.id));
    expect(r.state).toBe('active');
    const first = publisher.published[0]!;
    expect(first).toMatchObject({ id: messages[0]!.id, name: messages[0]!.name, subject: messages[0]!.subject, headers: {}, occurredAt: messages[0]!.occurredAt });
    expect(Buffer.from(first.payload)).toEqual(Buffer.from(messages[0]!.payload));
  });

  it('wakes on NOTIFY: commit-to-publish latency is far below the poll interval', async () => {
    const publisher = new FlakyPublisher();
    relay(publisher);
    await eventually(() => relays[0]!.state === 'active');
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const m = testMessage();
      await write(m);
      const committedAt = performance.now();
      await eventually(() => publisher.publishedIds().includes(m.id), { intervalMs: 1 });
      latencies.push(performance.now() - committedAt);
    }
    // Poll interval is 60 s; without NOTIFY nothing would be published within the eventually() timeout at all.
    expect(Math.max(...latencies)).toBeLessThan(500);
  });

  it('falls back to polling when no NOTIFY arrives (a row written without the writer)', async () => {
    const publisher = new FlakyPublisher();
    relay(publisher, { pollIntervalMs: 100 });
    await eventually(() => relays[0]!.state === 'active');
    await db.pool.query("INSERT INTO outbox (id, name, subject, payload, occurred_at) VALUES ('silent', 'n', 's', ''::bytea, now())");
    await eventually(() => publisher.publishedIds().includes('silent'), { timeoutMs: 2000 });
  });

  it('relays rows whose transactions commit out of seq order (none skipped)', async () => {
    const publisher = new FlakyPublisher();
    relay(publisher);
    const a = testMessage();
    const b = testMessage();
    let commitA!: () => void;
    const txA = tx.run(async () => {
      await writer.publish([a]); // takes the lower seq
      await new Promise<void>((resolve) => (commitA = resolve));
    });
    await eventually(() => commitA !== undefined);
    // A's row is not visible yet, its number is: nothing else has written since.
    const seqOfA = Number((await db.pool.query<{ n: string }>('SELECT last_value AS n FROM outbox_seq')).rows[0]!.n);
    await write(b); // higher seq, commits first
    await eventually(() => publisher.publishedIds().includes(b.id));
    expect(publisher.publishedIds()).toEqual([b.id]);
    // More passes while A is open: each one may raise the floor, but never past A's seq.
    const later = [testMessage(), testMessage(), testMessage()];
    for (const m of later) {
      await write(m);
      await eventually(() => publisher.publishedIds().includes(m.id));
    }
    expect(await floor()).toBeLessThanOrEqual(seqOfA);
    commitA();
    await txA;
    await eventually(() => publisher.publishedIds().includes(a.id));
    expect(publisher.publishedIds()).toEqual([b.id, ...later.map((m) => m.id), a.id]);
    expect(await unpublished()).toEqual([]);
    // Once A has ended, later passes raise the floor above it (it is stored by the pass after the one that earned it).
    for (let i = 0; i < 5 && (await floor()) <= seqOfA; i++) {
      const m = testMessage();
      await write(m);
      await eventually(() => publisher.publishedIds().includes(m.id));
    }
    expect(await floor()).toBeGreaterThan(seqOfA);
  });

  it('outbox_republish publishes rows again: it lowers the floor, and a floor earned before it is not stored', async () => {
    const publisher = new FlakyPublisher();
    relay(publisher);
    const messages = Array.from({ length: 5 }, () => testMessage());
    for (const m of messages) {
      await write(m);
      await eventually(() => publisher.publishedIds().includes(m.id));
    }
    // The relay has stored a floor and holds a higher one earned by its last pass. Republishing from exactly the
    // stored floor must make it drop the earned one, or the rows in between would stay unpublished for ever.
    const stored = await floor();
    expect(stored).toBeGreaterThan(0);
    const again = (await db.pool.query<{ id: string }>('SELECT id FROM outbox WHERE seq >= $1 ORDER BY seq', [stored])).rows.map((r) => r.id);
    expect(again.length).toBeGreaterThan(0);
    await db.pool.query('SELECT outbox_republish($1)', [stored]);
    await db.pool.query(`NOTIFY "${channel}"`);
    await eventually(async () => (await unpublished()).length === 0);
    expect(publisher.publishedIds()).toEqual([...messages.map((m) => m.id), ...again]);
  });

  it('broker down: retries with backoff, never gives up, then catches up with nothing lost, first publication in seq order', async () => {
    const publisher = new FlakyPublisher();
    publisher.failAll = true;
    const registry = new Registry();
    relay(publisher, { registry, service: 'stores' });
    const messages = Array.from({ length: 10 }, () => testMessage());
    for (const m of messages) await write(m);
    await eventually(() => publisher.calls >= 5);
    expect(await unpublished()).toEqual(messages.map((m) => m.id));
    const backlog = await registry.getSingleMetricAsString('outbox_backlog');
    expect(backlog).toContain('outbox_backlog{service="stores"} 10');
    expect(await registry.getSingleMetricAsString('outbox_publish_failures_total')).toMatch(/outbox_publish_failures_total\{service="stores"\} \d+/);

    publisher.failAll = false;
    await eventually(async () => (await unpublished()).length === 0);
    expect(publisher.publishedIds()).toEqual(messages.map((m) => m.id));
    expect(await registry.getSingleMetricAsString('outbox_published_total')).toContain('outbox_published_total{service="stores"} 10');
    expect(await registry.getSingleMetricAsString('outbox_backlog')).toContain('outbox_backlog{service="stores"} 0');
  });

  it('partial batch failure: only the messages the broker did not ack are retried', async () => {
    const publisher = new FlakyPublisher();
    const messages = Array.from({ length: 4 }, () => testMessage());
    publisher.failIds = new Set([messages[1]!.id]);
    relay(publisher);
    await write(...messages);
    await eventually(() => publisher.calls >= 3);
    expect(await unpublished()).toEqual([messages[1]!.id]);
    publisher.failIds = new Set();
    await eventually(async () => (await unpublished()).length === 0);
    const ids = publisher.publishedIds();
    for (const m of messages) expect(ids.filter((id) => id === m.id)).toHaveLength(1);
  });

  it('a relay that dies after the broker ack and before marking republishes; the consumer inbox applies the effect once', async () => {
    // Consumer side: the broker delivers each published message to an inbox-guarded handler.
    const consumer = withMiddleware(async (m) => {
      await tx.executor().query('INSERT INTO effects (message_id) VALUES ($1)', [m.id]);
    }, inboxMiddleware(tx));
    const publisher = new FlakyPublisher();
    let killed = false;
    publisher.onPublished = async (messages) => {
      for (const m of messages) await consumer(delivered(m, 'consumer'));
      if (!killed) {
        killed = true;
        // The relay's session dies between the broker ack and the UPDATE (crash, network, failover).
        await db.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relay-under-test'");
      }
    };
    relay(publisher, { applicationName: 'relay-under-test' });
    const messages = Array.from({ length: 3 }, () => testMessage());
    await write(...messages);
    await eventually(async () => (await unpublished()).length === 0);
    // Published twice (at-least-once)…
    for (const m of messages) expect(publisher.publishedIds().filter((id) => id === m.id)).toHaveLength(2);
    // …processed once.
    const { rows } = await db.pool.query<{ message_id: string; n: number }>('SELECT message_id, count(*)::int AS n FROM effects GROUP BY message_id');
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('survives its session dying mid-pass, with a read-ahead and a mark queued on it, and publishes everything', async () => {
    // Pipelined passes queue the next SELECT and the previous UPDATE on the session while a batch is with the broker.
    // If the session dies then, those queued queries reject before anyone awaits them: they must not surface as
    // unhandled rejections (which end a Node process), and the supervisor must reconnect and finish the work.
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const publisher = new FlakyPublisher();
      let killed = false;
      publisher.onPublished = async () => {
        if (publisher.calls === 2 && !killed) {
          killed = true;
          await db.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relay-mid-pass'");
        }
      };
      relay(publisher, { applicationName: 'relay-mid-pass', batchSize: 4 });
      const messages = Array.from({ length: 20 }, () => testMessage());
      await write(...messages);
      await eventually(async () => (await unpublished()).length === 0);
      expect(killed).toBe(true);
      expect(new Set(publisher.publishedIds())).toEqual(new Set(messages.map((m) => m.id)));
      // Give any stray rejection of the dead session's queries a turn of the event loop to surface.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('two relays on one database: one active, the other standby; the standby takes over when the active stops', async () => {
    const first = new FlakyPublisher();
    const second = new FlakyPublisher();
    const a = relay(first);
    await eventually(() => a.state === 'active');
    const b = relay(second);
    const m1 = testMessage();
    await write(m1);
    await eventually(() => first.publishedIds().includes(m1.id));
    expect(b.state).toBe('standby');
    expect(second.published).toEqual([]);

    await a.stop();
    expect(a.state).toBe('stopped');
    await eventually(() => b.state === 'active');
    const m2 = testMessage();
    await write(m2);
    await eventually(() => second.publishedIds().includes(m2.id));
    expect(first.publishedIds()).toEqual([m1.id]);
    expect(second.publishedIds()).toEqual([m2.id]);
  });

  it('stop waits for the in-flight batch to be published and marked', async () => {
    const publisher = new FlakyPublisher();
    let releasePublish!: () => void;
    let publishing = false;
    publisher.onPublished = () => {
      publishing = true;
      return new Promise<void>((resolve) => (releasePublish = resolve));
    };
    const r = relay(publisher);
    await write(testMessage());
    await eventually(() => publishing);
    const stopped = r.stop();
    releasePublish();
    await stopped;
    expect(await unpublished()).toEqual([]);
  });
});
