// The relay against a REAL broker outage (not FlakyPublisher): a private nats-server is stopped while messages are
// written and started again; the relay must retry with backoff and catch up with nothing lost and nothing stored
// twice. The server is private to this file so stopping it cannot disturb other test files.
import { Registry } from 'prom-client';
import { connectJetStream, ensureStream, type JetStreamConnection, JetStreamPublisher, type Message } from '@mallbots/am';
import { createTestDatabase, eventually, startDisposableNats, uniqueNamespace, type DisposableNats, type TestDatabase } from '@mallbots/testing';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxWriter } from './outbox-writer.js';
import { bootTransactionalTestApp, testMessage, type TransactionalTestApp } from './testing.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('OutboxRelay during a real broker outage', () => {
  const ns = uniqueNamespace('tmoutage');
  let db: TestDatabase;
  let t: TransactionalTestApp;
  let nats: DisposableNats;
  let connection: JetStreamConnection;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('tm_relay_outage'), startDisposableNats()]);
    t = await bootTransactionalTestApp(db.url);
    // The production connection (it reconnects for ever), retrying every 50 ms so the test sees the server come back.
    connection = await connectJetStream({ servers: nats.url, name: ns, reconnectWaitMs: 50 });
    await ensureStream(connection.jsm, { name: ns, subjectPrefix: ns });
  });
  afterAll(async () => {
    // close, not drain: after a failure mid-outage the server may be down, and a drain would wait for it.
    await connection?.nc.close();
    await nats?.close();
    await t?.close();
    await db?.drop();
  });

  const unpublished = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).rows[0]!.n;
  const metric = async (registry: Registry, name: string) => (await registry.getSingleMetric(name)!.get()).values.reduce((sum, v) => sum + v.value, 0);
  /** Nats-Msg-Id of every message the stream stores, in stream order. */
  const storedIds = async () => {
    const { state } = await connection.jsm.streams.info(ns);
    const seqs = Array.from({ length: state.last_seq - state.first_seq + 1 }, (_, i) => state.first_seq + i);
    const stored = await Promise.all(seqs.map((seq) => connection.jsm.streams.getMessage(ns, { seq })));
    return stored.map((m) => m!.header.get('Nats-Msg-Id'));
  };

  it('retries while the broker is down and, once it is back, publishes every row exactly once in seq order', async () => {
    const registry = new Registry();
    const writer = new OutboxWriter(t.runner, { channel: ns });
    const write = (messages: Message[]) => t.runner.run(() => writer.publish(messages));
    const relay = new OutboxRelay({
      pool: db.pool,
      // A short ack timeout makes publishes into the outage fail fast instead of after the 5 s default.
      publisher: new JetStreamPublisher(connection, { stream: ns, ackTimeoutMs: 500 }),
      channel: ns,
      logger: silent,
      registry,
      // Capped low so the relay retries soon after the server is back (the default cap is 30 s).
      backoff: { initialMs: 50, maxMs: 400 },
    });
    const messages = Array.from({ length: 70 }, (_, i) => testMessage({ subject: `${ns}.events.Thing`, headers: { n: String(i) } }));
    relay.start();
    try {
      await write(messages.slice(0, 10));
      await write(messages.slice(10, 20));
      await eventually(async () => (await unpublished()) === 0);
      expect(await storedIds()).toEqual(messages.slice(0, 20).map((m) => m.id));
      expect(await metric(registry, 'outbox_publish_failures_total')).toBe(0);

      await nats.stop();
      for (let i = 20; i < 70; i += 10) await write(messages.slice(i, i + 10));
      // Every outage row has been offered to the broker and refused at least once (the relay retries the whole
      // backlog from its oldest row each round), and none counts as published.
      await eventually(async () => (await metric(registry, 'outbox_publish_failures_total')) >= 50);
      expect(await unpublished()).toBe(50);
      expect(await metric(registry, 'outbox_backlog')).toBe(50);
      expect(await metric(registry, 'outbox_published_total')).toBe(20);

      await nats.start();
      await eventually(async () => (await unpublished()) === 0);
      // A publish the server stored but whose ack was lost (in the shutdown, or past the ack timeout) is published
      // again; de-duplication must leave one copy of each, in first-publish order.
      const { state } = await connection.jsm.streams.info(ns);
      expect(state.messages).toBe(70);
      expect(state.last_seq).toBe(70); // no copy was ever stored (and later removed)
      expect(await storedIds()).toEqual(messages.map((m) => m.id));
      expect(await metric(registry, 'outbox_backlog')).toBe(0);

      // nats.js discards its unsent buffer on every reconnect attempt, so the outage alone rarely produces such a
      // repeat. Force one for every row — a relay that crashed before marking — to show that the restarted server
      // still de-duplicates messages it stored before the restart (the window is rebuilt from the file store).
      await db.pool.query('SELECT outbox_republish(0)');
      await db.pool.query(`NOTIFY "${ns}"`);
      // The counter moves just after the marking UPDATE commits, so it is awaited, not read once.
      await eventually(async () => (await unpublished()) === 0 && (await metric(registry, 'outbox_published_total')) === 140);
      expect((await connection.jsm.streams.info(ns)).state.last_seq).toBe(70);
    } finally {
      await relay.stop();
    }
  });
});
