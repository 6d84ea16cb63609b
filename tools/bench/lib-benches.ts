// The library measurements of `npm run bench:libs`. They run on the BUILT libraries (node_modules/@mallbots/* →
// libs/*/dist) with the production pieces services use: ClsTransactionRunner (nestjs-cls + TypeORM), PgEventStore,
// OutboxWriter, OutboxRelay, JetStreamPublisher/Subscriber and the inbox middleware.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Registry } from 'prom-client';
import { connect } from '@nats-io/transport-node';
import { connectJetStream, ensureStream, JetStreamPublisher, JetStreamSubscriber, type Message } from '@mallbots/am';
import { esSchemaSql, PgEventStore } from '@mallbots/es';
import { inboxMiddleware, OutboxRelay, OutboxWriter, PgDeadLetterStore } from '@mallbots/tm';
import { bootTransactionalTestApp } from '@mallbots/tm/testing';
import { percentile, throughput } from './stats.ts';

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function message(subject: string, payload: Uint8Array, headers: Record<string, string> = {}): Message {
  return { id: randomUUID(), name: 'bench.Happened', subject, payload, headers, occurredAt: new Date() };
}

/**
 * Single-event appends per second at `concurrency`. `inTransaction: false` measures the store alone: one append is one
 * statement and one commit, like the raw insert it is compared with. `true` wraps each append in its own explicit
 * transaction (BEGIN … COMMIT through the ClsTransactionRunner), as a command handler's save does.
 */
export async function eventStoreAppends(serverUrl: string, concurrency: number, durationMs: number, inTransaction: boolean): Promise<number> {
  const app = await bootTransactionalTestApp(await createDatabase(serverUrl, inTransaction ? 'bench_es_tx' : 'bench_es'), { poolSize: concurrency + 2 });
  try {
    await app.dataSource.query(esSchemaSql);
    const store = new PgEventStore(app.runner);
    // Each loop owns a stream and appends version n+1 after n: optimistic concurrency checks without conflicts.
    const streams = Array.from({ length: concurrency }, () => ({ id: randomUUID(), version: 0 }));
    const r = await throughput(concurrency, durationMs, async (loop) => {
      const s = streams[loop]!;
      const append = () =>
        store.append('bench.Stream', s.id, s.version, [{ eventId: randomUUID(), eventName: 'bench.Happened', eventVersion: 1, data: { n: s.version }, metadata: {}, occurredAt: new Date() }]);
      s.version = inTransaction ? await app.runner.run(append) : await append();
    });
    return r.perSec;
  } finally {
    await app.close();
  }
}

interface RelayRig {
  app: Awaited<ReturnType<typeof bootTransactionalTestApp>>;
  pool: pg.Pool;
  relay: OutboxRelay;
  /** Messages the relay has published (its own counter: no extra database load while measuring). */
  published(): Promise<number>;
  close(): Promise<void>;
}

async function relayRig(serverUrl: string, natsUrl: string, db: string, prefix: string): Promise<RelayRig> {
  const url = await createDatabase(serverUrl, db);
  const app = await bootTransactionalTestApp(url, { poolSize: 20 });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const connection = await connectJetStream({ servers: natsUrl, name: `bench-${prefix}` });
  await ensureStream(connection.jsm, { name: prefix, subjectPrefix: prefix });
  const registry = new Registry();
  const relay = new OutboxRelay({ pool, publisher: new JetStreamPublisher(connection), channel: 'outbox', registry });
  return {
    app,
    pool,
    relay,
    async published() {
      const metric = await registry.getSingleMetric('outbox_published_total')?.get();
      return metric?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
    },
    async close() {
      await relay.stop();
      await connection.close();
      await pool.end();
      await app.close();
    },
  };
}

/** Relay throughput draining a full outbox table of `count` rows. */
export async function relayDrain(serverUrl: string, natsUrl: string, count: number, payloadBytes: number): Promise<number> {
  const rig = await relayRig(serverUrl, natsUrl, 'bench_relay', 'benchrelay');
  try {
    await rig.pool.query(
      `INSERT INTO outbox (id, name, subject, payload, headers, occurred_at)
       SELECT gen_random_uuid()::text, 'bench.Happened', 'benchrelay.events', $1, '{}'::jsonb, now() FROM generate_series(1, $2)`,
      [Buffer.alloc(payloadBytes, 7), count],
    );
    const started = performance.now();
    await rig.relay.start();
    while ((await rig.published()) < count) await new Promise((r) => setTimeout(r, 5));
    const perSec = count / ((performance.now() - started) / 1000);
    const { rows } = await rig.pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    if (Number(rows[0]!.n) !== 0) throw new Error(`relay reported ${count} published but ${rows[0]!.n} rows are still unpublished`);
    return perSec;
  } finally {
    await rig.close();
  }
}

/**
 * Commit-to-published latency at a steady rate: transactions each write one outbox row (OutboxWriter, which NOTIFYs
 * the relay) at `ratePerSec`; a plain NATS subscriber on the subject sees the message once JetStream stored it.
 * Latency = that moment − the moment the writing transaction's commit returned.
 */
export async function commitToPublished(serverUrl: string, natsUrl: string, ratePerSec: number, durationMs: number): Promise<{ p50: number; p99: number; count: number }> {
  const rig = await relayRig(serverUrl, natsUrl, 'bench_latency', 'benchlat');
  const nc = await connect({ servers: natsUrl });
  try {
    const writer = new OutboxWriter(rig.app.runner, { channel: 'outbox' });
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    const early = new Map<string, number>(); // received before the commit promise resolved
    const sub = nc.subscribe('benchlat.events');
    void (async () => {
      for await (const m of sub) {
        const id = m.headers?.get('Nats-Msg-Id') ?? '';
        const at = performance.now();
        const c = committedAt.get(id);
        if (c !== undefined) latencies.push(at - c);
        else early.set(id, at);
      }
    })();
    await rig.relay.start();
    const total = Math.round((ratePerSec * durationMs) / 1000);
    const started = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / ratePerSec;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const m = message('benchlat.events', new Uint8Array(256));
      inflight.push(
        rig.app.runner.run(() => writer.publish([m])).then(() => {
          const c = performance.now();
          const seen = early.get(m.id);
          if (seen !== undefined) latencies.push(Math.max(0, seen - c));
          else committedAt.set(m.id, c);
        }),
      );
    }
    await Promise.all(inflight);
    const deadline = performance.now() + 30_000;
    while (latencies.length < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    const sorted = latencies.sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: sorted.length };
  } finally {
    await nc.close();
    await rig.close();
  }
}

/**
 * Consumer throughput through the production pipeline: JetStream pull consumer → inbox middleware (defaults: group
 * commit of up to 64 messages, at most 4 transactions at once) → each message's state change (one INSERT) → commit →
 * ack.
 */
export async function inboxConsumer(serverUrl: string, natsUrl: string, count: number, concurrency: number, round = 0): Promise<number> {
  const url = await createDatabase(serverUrl, 'bench_inbox');
  const stream = `benchinbox${round}`;
  const app = await bootTransactionalTestApp(url, { poolSize: 8 }); // the inbox opens at most 4 transactions
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const connection = await connectJetStream({ servers: natsUrl, name: 'bench-inbox' });
  try {
    await app.dataSource.query('CREATE TABLE effects (message_id text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    await ensureStream(connection.jsm, { name: stream, subjectPrefix: stream });
    const publisher = new JetStreamPublisher(connection);
    for (let sent = 0; sent < count; sent += 500) {
      await publisher.publish(Array.from({ length: Math.min(500, count - sent) }, () => message(`${stream}.events`, new Uint8Array(256))));
    }
    const subscriber = new JetStreamSubscriber({ connection, stream, deadLetters: new PgDeadLetterStore(pool) });
    let handled = 0;
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const inbox = inboxMiddleware(app.runner);
    const started = performance.now();
    const subscription = await subscriber.subscribe(
      { subject: `${stream}.events`, group: 'bench-consumer', concurrency },
      inbox(async (m) => {
        await app.runner.executor().query('INSERT INTO effects (message_id) VALUES ($1)', [m.id]);
        if (++handled === count) done();
      }),
    );
    await finished;
    const perSec = count / ((performance.now() - started) / 1000);
    await subscription.drain();
    return perSec;
  } finally {
    await connection.close();
    await pool.end();
    await app.close();
  }
}
