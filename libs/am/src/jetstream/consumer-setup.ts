import { AckPolicy, DeliverPolicy, JetStreamApiError } from '@nats-io/jetstream';
import type { ConsumerConfig, ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';

export interface DurableConsumerSpec {
  stream: string;
  group: string;
  subject: string;
  ackWaitMs: number;
  concurrency: number;
}

/** JSConsumerNotFoundErr. */
const CONSUMER_NOT_FOUND = 10014;

/**
 * Creates the group's durable pull consumer or updates the settings that may change between releases. Works on
 * NATS 2.9 (single filter_subject, no 2.10 fields).
 */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<ConsumerInfo> {
  const settings = {
    filter_subject: spec.subject,
    ack_wait: nanos(spec.ackWaitMs),
    // The adapter counts deliveries and dead-letters after maxDeliver itself (delivery.ts); a server-side limit
    // would silently stop redelivering a message whose dead letter could not be stored yet.
    max_deliver: -1,
    // Caps what is in flight across every instance of the group, so concurrency 1 keeps the group's order even
    // with competing instances (O11), and a message waiting for its backoff holds back the ones after it.
    max_ack_pending: spec.concurrency,
  } satisfies Partial<ConsumerConfig>;
  try {
    await jsm.consumers.info(spec.stream, spec.group);
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === CONSUMER_NOT_FOUND)) throw err;
    return await jsm.consumers.add(spec.stream, {
      ...settings,
      durable_name: spec.group,
      ack_policy: AckPolicy.Explicit,
      // A new group sees the whole stream history: it starts with the state it missed (reference §8.5).
      deliver_policy: DeliverPolicy.All,
    });
  }
  return await jsm.consumers.update(spec.stream, spec.group, settings);
}
