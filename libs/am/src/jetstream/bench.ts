import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import type { JetStreamClient } from '@nats-io/jetstream';

/** Result of a raw baseline run: what plain JetStream achieves here, to compare the adapter against. */
export interface BaselineResult {
  count: number;
  elapsedMs: number;
  perSecond: number;
}

/**
 * Publishes `count` messages of `payloadBytes` zero bytes with plain async JetStream publishes, `batchSize`
 * in flight at a time then waiting for their acks — the same pattern as JetStreamPublisher minus the envelope and
 * headers. Default batchSize 500 (the outbox relay's batch size).
 */
export async function rawPublishBaseline(
  js: JetStreamClient,
  subject: string,
  count: number,
  payloadBytes: number,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<BaselineResult> {
  const payload = new Uint8Array(payloadBytes);
  const started = performance.now();
  for (let sent = 0; sent < count; sent += batchSize) {
    const n = Math.min(batchSize, count - sent);
    await Promise.all(Array.from({ length: n }, () => js.publish(subject, payload)));
  }
  return result(count, started);
}

/**
 * Consumes and acks `count` messages from `subject` through a new durable pull consumer `durable` (deliver all),
 * with plain `ack()` and no decoding; deletes the consumer afterwards. Publish the messages first.
 */
export async function rawConsumeBaseline(
  js: JetStreamClient,
  { stream, subject, durable, count, maxMessages = 500 }: { stream: string; subject: string; durable: string; count: number; maxMessages?: number },
): Promise<BaselineResult> {
  const jsm = await js.jetstreamManager();
  await jsm.consumers.add(stream, { durable_name: durable, filter_subject: subject, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
  try {
    const consumer = await js.consumers.get(stream, durable);
    const started = performance.now();
    const messages = await consumer.consume({ max_messages: maxMessages });
    let received = 0;
    for await (const msg of messages) {
      msg.ack();
      if (++received >= count) break;
    }
    return result(count, started);
  } finally {
    await jsm.consumers.delete(stream, durable);
  }
}

function result(count: number, started: number): BaselineResult {
  const elapsedMs = performance.now() - started;
  return { count, elapsedMs, perSecond: (count * 1000) / elapsedMs };
}
