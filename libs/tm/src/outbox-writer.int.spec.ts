import pg from 'pg';
import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { Registry } from 'prom-client';
import { sentMessagesCounter } from '@mallbots/am';
import { createTestDatabase, eventually, type TestDatabase } from '@mallbots/testing';
import { OutboxOutsideTransactionError, OutboxWriter } from './outbox-writer.js';
import { bootTransactionalTestApp, testMessage, type TransactionalTestApp } from './testing.js';


describe('OutboxWriter', () => {
  let db: TestDatabase;
  let t: TransactionalTestApp;
  let writer: OutboxWriter;
  const rows = async () =>
    (await db.pool.query('SELECT id, name, subject, payload, headers, occurred_at, published_at FROM outbox ORDER BY seq')).rows;

  beforeAll(async () => {
    db = await createTestDatabase('tm_outbox');
    t = await bootTransactionalTestApp(db.url);
    writer = new OutboxWriter(t.runner, { channel: 'outbox_test' });
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });
  beforeEach(() => db.pool.query('TRUNCATE outbox'));

  it('a transaction has its xid before it holds an outbox seq (what lets the relay prove a seq is settled)', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: before } = await client.query('SELECT pg_current_xact_id_if_assigned() AS xid');
      expect(before[0].xid).toBeNull();
      const { rows: after } = await client.query('SELECT outbox_next_seq() AS seq, pg_current_xact_id_if_assigned() AS xid');
      expect(after[0].seq).toEqual(expect.any(String));
      expect(after[0].xid).not.toBeNull();
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('writes every message of a call, in order, in the current transaction', async () => {
    const messages = [testMessage({ headers: { 'correlation-id': 'c1' } }), testMessage(), testMessage()];
    await t.runner.run(() => writer.publish(messages));
    const stored = await rows();
    expect(stored.map((r) => r.id)).toEqual(messages.map((m) => m.id));
    expect(stored[0]).toMatchObject({
      name: messages[0]!.name,
      subject: messages[0]!.subject,
      payload: Buffer.from(messages[0]!.payload),
      headers: { 'correlation-id': 'c1' },
      occurred_at: messages[0]!.occurredAt,
      published_at: null,
    });
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      t.runner.run(async () => {
        await writer.publish([testMessage()]);
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await rows()).toEqual([]);
  });

  it('refuses to publish outside a transaction (that would be a dual write)', async () => {
    await expect(writer.publish([testMessage()])).rejects.toBeInstanceOf(OutboxOutsideTransactionError);
    expect(await rows()).toEqual([]);
  });

  it('ignores a message id already in the outbox', async () => {
    const m = testMessage();
    await t.runner.run(() => writer.publish([m]));
    await t.runner.run(() => writer.publish([m, testMessage()]));
    expect((await rows()).map((r) => r.id).filter((id) => id === m.id)).toHaveLength(1);
    expect(await rows()).toHaveLength(2);
  });

  it('injects the active trace context into the stored headers', async () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager());
    try {
      const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
      await context.with(trace.setSpanContext(context.active(), spanContext), () => t.runner.run(() => writer.publish([testMessage()])));
      expect((await rows())[0]!.headers).toEqual({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    } finally {
      propagation.disable();
      context.disable();
    }
  });

  it('notifies the relay channel only when the transaction commits', async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    try {
      const received: string[] = [];
      listener.on('notification', (n) => received.push(n.channel));
      await listener.query('LISTEN outbox_test');
      let releaseCommit!: () => void;
      const committing = t.runner.run(async () => {
        await writer.publish([testMessage()]);
        await writer.publish([testMessage()]);
        await new Promise<void>((r) => (releaseCommit = r));
      });
      await eventually(() => releaseCommit !== undefined);
      // A round trip on the listener flushes any notification already sent: none may be, before the commit.
      await listener.query('SELECT 1');
      expect(received).toEqual([]);
      releaseCommit();
      await committing;
      await eventually(() => received.length > 0);
      // Identical notifications of one transaction collapse into one wake-up.
      await listener.query('SELECT 1');
      expect(received).toEqual(['outbox_test']);
    } finally {
      await listener.end();
    }
  });

  it('counts the messages written with am\'s sent-messages counter', async () => {
    const registry = new Registry();
    const counting = new OutboxWriter(t.runner, { channel: 'outbox_test', sentCounter: sentMessagesCounter('stores', registry) });
    await t.runner.run(() => counting.publish([testMessage({ name: 'storesapi.StoreCreated' }), testMessage({ name: 'storesapi.StoreCreated' })]));
    expect(await registry.getSingleMetricAsString('stores_sent_messages_count')).toContain('stores_sent_messages_count{message="storesapi.StoreCreated"} 2');
  });
});
