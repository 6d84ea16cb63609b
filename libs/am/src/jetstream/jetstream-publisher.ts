import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { encodeEnvelope } from '../envelope.js';
import type { Message } from '../message.js';
import { PublishError, type MessagePublisher } from '../ports.js';
import { brokerMessageId } from '../replay.js';
import type { JetStreamConnection } from './jetstream-connection.js';
import { errorMessage } from './logger.js';
import { NatsHeader } from './nats-headers.js';

export interface JetStreamPublisherOptions {
  /**
   * The stream every message must land in. When set, JetStream rejects a message whose subject another stream
   * captures instead of storing it there. Default: any stream capturing the subject.
   */
  stream?: string;
  /** How long to wait for each publish ack. Default: the connection's timeout. */
  ackTimeoutMs?: number;
}

/**
 * Publishes batches with every message in flight at once and then waits for all publish acks: one round trip per
 * batch instead of per message, which is what lets the outbox relay keep up (architecture §4.6).
 * Resolves only when JetStream acked every message; otherwise rejects with PublishError naming the unacked ones,
 * so the outbox keeps them unpublished and retries (the reference returned before the ack, §14.2 #15).
 */
export class JetStreamPublisher implements MessagePublisher {
  private readonly js: JetStreamClient;

  constructor(
    connection: JetStreamConnection,
    private readonly options: JetStreamPublisherOptions = {},
  ) {
    this.js = connection.js;
  }

  async publish(messages: readonly Message[]): Promise<void> {
    const sentAt = new Date();
    const results = await Promise.allSettled(messages.map((message) => this.publishOne(message, sentAt)));
    const failures = results.flatMap((result, i) => (result.status === 'rejected' ? [{ id: messages[i]!.id, reason: result.reason as unknown }] : []));
    if (failures.length === 0) return;
    const first = failures[0]!;
    throw new PublishError(
      `JetStream did not acknowledge ${failures.length} of ${messages.length} messages (first: ${first.id}: ${errorMessage(first.reason)})`,
      failures.map((f) => f.id),
      { cause: first.reason },
    );
  }

  private async publishOne(message: Message, sentAt: Date): Promise<void> {
    // The name travels as a NATS header too (read without decoding the body); the id is already in Nats-Msg-Id.
    const headers = natsHeaders();
    headers.set(NatsHeader.MessageName, message.name);
    // A duplicate (same Nats-Msg-Id inside the window) is acked with `duplicate: true`: the stream already holds it,
    // which is exactly what a re-publish after a crash needs, so it counts as success.
    await this.js.publish(message.subject, encodeEnvelope(message, sentAt), {
      msgID: brokerMessageId(message),
      headers,
      ...(this.options.ackTimeoutMs !== undefined ? { timeout: this.options.ackTimeoutMs } : {}),
      ...(this.options.stream ? { expect: { streamName: this.options.stream } } : {}),
    });
  }
}
