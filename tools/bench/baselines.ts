// Raw baselines, measured in the same run as the library figures so that ratios survive a noisy machine.
import pg from 'pg';
import { connect, headers } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { throughput } from './stats.ts';

/** PostgreSQL single-row INSERT commits per second at the given concurrency (autocommit, one row per commit). */
export async function rawInsertCommits(pgUrl: string, concurrency: number, durationMs: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: pgUrl, max: concurrency });
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, payload bytea NOT NULL, at timestamptz NOT NULL DEFAULT now())');
    const payload = Buffer.alloc(200, 7);
    const r = await throughput(concurrency, durationMs, async () => {
      await pool.query('INSERT INTO bench_raw (payload) VALUES ($1)', [payload]);
    });
    return r.perSec;
  } finally {
    await pool.end();
  }
}

async function ensureStream(natsUrl: string, stream: string): Promise<void> {
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true }); // as the adapter connects (libs/am)
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
  await nc.close();
}

/**
 * JetStream async publish: `count` messages with up to `inFlight` unacknowledged at any time (a sliding window: a
 * new publish starts as soon as any ack arrives), msgs/s until all are acked. The strongest plain use of the client.
 */
export async function rawPublish(natsUrl: string, stream: string, count: number, payloadBytes: number, inFlight = 512): Promise<number> {
  await ensureStream(natsUrl, stream);
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true }); // as the adapter connects (libs/am)
  const js = jetstream(nc);
  const payload = new Uint8Array(payloadBytes).fill(7);
  const prefix = `${Date.now().toString(36)}-`;
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await js.publish(`${stream}.raw`, payload, { msgID: `${prefix}${i}` });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const perSec = count / ((performance.now() - started) / 1000);
  await nc.close();
  return perSec;
}

/** JetStream pull consume + explicit ack of `count` messages already in the stream, msgs/s. */
export async function rawConsume(natsUrl: string, stream: string, count: number): Promise<number> {
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true }); // as the adapter connects (libs/am)
  const jsm = await jetstreamManager(nc);
  const durable = `raw-${Date.now().toString(36)}`;
  await jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, filter_subject: `${stream}.raw` });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(stream, durable);
  const started = performance.now();
  let seen = 0;
  const messages = await consumer.consume({ max_messages: 512 });
  for await (const m of messages) {
    m.ack();
    if (++seen >= count) break;
  }
  const perSec = count / ((performance.now() - started) / 1000);
  await nc.close();
  return perSec;
}

/**
 * JetStream publish at the protocol level: core NATS publishes carrying a reply subject under one wildcard inbox
 * subscription, `inFlight` unacknowledged at any time; each PubAck (JSON) is parsed and checked. This is what a
 * JetStream publish is on the wire, without the client's per-request bookkeeping (a timer, a promise and an
 * Error with a captured stack per message), so it is the stronger of the two raw publish baselines.
 */
export async function rawWirePublish(natsUrl: string, stream: string, count: number, payloadBytes: number, inFlight = 512): Promise<number> {
  await ensureStream(natsUrl, stream);
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true });
  const payload = new Uint8Array(payloadBytes).fill(7);
  const prefix = `${Date.now().toString(36)}-`;
  const inbox = `_INBOX.${prefix.slice(0, -1)}.`;
  let sent = 0;
  let acked = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const send = () => {
      const i = sent++;
      const h = headers();
      h.set('Nats-Msg-Id', `${prefix}${i}`);
      nc.publish(`${stream}.raw`, payload, { reply: `${inbox}${i}`, headers: h });
    };
    nc.subscribe(`${inbox}*`, {
      callback: (err, m) => {
        if (err) return reject(err);
        const ack = JSON.parse(new TextDecoder().decode(m.data)) as { error?: unknown };
        if (ack.error) return reject(new Error(JSON.stringify(ack.error)));
        if (++acked === count) return resolve();
        if (sent < count) send();
      },
    });
    while (sent < Math.min(inFlight, count)) send();
  });
  const perSec = count / ((performance.now() - started) / 1000);
  await nc.close();
  return perSec;
}
