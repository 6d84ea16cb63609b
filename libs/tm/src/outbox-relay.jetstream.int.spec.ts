import { Registry } from 'prom-client';
import { connectJetStream, ensureStream, JetStreamPublisher, type JetStreamConnection } from '@mallbots/am';
import { createTestDatabase, eventually, natsUrl, uniqueNamespace, type TestDatabase } from '@mallbots/testing';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxWriter } from './outbox-writer.js';
import { bootTransactionalTestApp, testMessage, type TransactionalTestApp } from './testing.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('OutboxRelay with the real JetStream publisher', () => {
  const ns = uniqueNamespace('tmrelay');
  let db: TestDatabase;
  let t: TransactionalTestApp;
  let connection: JetStreamConnection;

  beforeAll(async () => {
    db = await createTestDatabase('tm_relay_js');
    t = await bootTransactionalTestApp(db.url);
    connection = await connectJetStream({ servers: natsUrl(), name: ns });
    await ensureStream(connection.jsm, { name: ns, subjectPrefix: ns });
  });
  afterAll(async () => {
    await connection.jsm.streams.delete(ns);
    await connection.close();
    await t.close();
    await db.drop();
  });

  const stored = async () => (await connection.jsm.streams.info(ns)).state.messages;

  it('moves every committed outbox row into the stream exactly once, even when rows are published again', async () => {
    const writer = new OutboxWriter(t.runner, { channel: ns });
    const relay = new OutboxRelay({ pool: db.pool, publisher: new JetStreamPublisher(connection, { stream: ns }), channel: ns, logger: silent, registry: new Registry() });
    relay.start();
    try {
      const messages = Array.from({ length: 1000 }, (_, i) => testMessage({ subject: `${ns}.events.Thing`, headers: { seq: String(i) } }));
      for (let i = 0; i < messages.length; i += 100) await t.runner.run(() => writer.publish(messages.slice(i, i + 100)));
      await eventually(async () => (await db.pool.query('SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT 1')).rowCount === 0);
      expect(await stored()).toBe(1000);

      // A relay that crashed before marking would publish these rows again: Nats-Msg-Id de-duplication drops them.
      await db.pool.query('SELECT outbox_republish(min(seq), min(seq) + 49) FROM outbox');
      await db.pool.query(`NOTIFY "${ns}"`);
      await eventually(async () => (await db.pool.query('SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT 1')).rowCount === 0);
      expect(await stored()).toBe(1000);
      const first = await connection.jsm.streams.getMessage(ns, { seq: 1 });
      expect(first!.header.get('Nats-Msg-Id')).toBe(messages[0]!.id);
    } finally {
      await relay.stop();
    }
  });
});
