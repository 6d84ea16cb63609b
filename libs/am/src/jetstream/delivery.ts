import type { JsMsg } from '@nats-io/jetstream';
import { decodeEnvelope } from '../envelope.js';
import { isMalformedMessageError } from '../malformed-message.error.js';
import type { IncomingMessage } from '../message.js';
import type { DeadLetterStore, MessageHandler } from '../ports.js';
import type { AckBatcher } from './ack-batcher.js';
import { errorMessage, type AdapterLogger } from './logger.js';
import { NatsHeader } from './nats-headers.js';

/** Everything one subscription needs to settle a delivery. */
export interface DeliveryPolicy {
  readonly consumer: string;
  readonly filter: ReadonlySet<string> | undefined;
  readonly handler: MessageHandler;
  readonly deadLetters: DeadLetterStore;
  readonly ackWaitMs: number;
  readonly maxHandlingMs: number;
  readonly maxDeliver: number;
  readonly backoffMs: readonly number[];
  readonly logger: AdapterLogger;
  /** Acks are sent in groups, once per event-loop turn. */
  readonly acks: AckBatcher;
}

/**
 * Handles one delivery and always settles it (ack, nak with delay, or term); never throws, so a failing or
 * panicking handler cannot take the process down (§14.2 #22).
 */
export async function handleDelivery(msg: JsMsg, policy: DeliveryPolicy): Promise<void> {
  // Heartbeats from the first moment until the message is settled: a handler (or a dead-letter write) slower than
  // ackWait must not be redelivered to a second consumer while it still runs (§14.2 #19). Only up to maxHandlingMs:
  // a handler that hangs must not hold the message for ever; the broker then redelivers it.
  const giveUpAt = Date.now() + policy.maxHandlingMs;
  const heartbeat = setInterval(() => {
    if (Date.now() < giveUpAt) return msg.working();
    clearInterval(heartbeat);
    policy.logger.error({ consumer: policy.consumer, seq: msg.seq, maxHandlingMs: policy.maxHandlingMs }, 'handler still running after maxHandlingMs; the message will be redelivered');
  }, Math.max(1, Math.floor(policy.ackWaitMs / 3)));
  try {
    await settle(msg, policy);
  } catch (err) {
    // Only the broker calls (ack/nak) can get here; the message will be redelivered after ackWait.
    policy.logger.error({ consumer: policy.consumer, seq: msg.seq, err: errorMessage(err) }, 'could not settle message');
  } finally {
    clearInterval(heartbeat);
  }
}

async function settle(msg: JsMsg, policy: DeliveryPolicy): Promise<void> {
  let message: IncomingMessage;
  try {
    message = { ...decodeEnvelope(msg.data, msg.subject), receivedAt: new Date(), deliveryAttempt: msg.info.deliveryCount, consumer: policy.consumer };
  } catch (err) {
    // An undecodable body fails the same way on every delivery: dead-letter it now instead of spending every
    // redelivery on it (§14.2 #23).
    return deadLetterAndAck(msg, rawMessage(msg, policy.consumer), `undecodable message: ${errorMessage(err)}`, policy);
  }
  if (policy.filter && !policy.filter.has(message.name)) {
    policy.acks.ack(msg);
    return;
  }
  if (message.deliveryAttempt > policy.maxDeliver) {
    // The server redelivers without limit (see consumer-setup.ts) so that a failed dead-letter write is retried;
    // a delivery past the limit means earlier attempts crashed or timed out, or the dead letter was not stored yet.
    // Not running the handler again stops a message that kills the process from doing so for ever.
    return deadLetterAndAck(msg, message, `not handled after ${policy.maxDeliver} deliveries (the handler crashed, timed out or the dead letter could not be stored)`, policy);
  }
  try {
    await policy.handler(message);
  } catch (err) {
    const error = describe(err);
    if (isMalformedMessageError(err) || message.deliveryAttempt >= policy.maxDeliver) return deadLetterAndAck(msg, message, error, policy);
    await recordFailure(message, error, policy);
    // Delayed redelivery (the reference nak'ed at once and burnt every attempt within milliseconds, §14.2 #18).
    msg.nak(backoffFor(message.deliveryAttempt, policy.backoffMs));
    return;
  }
  policy.acks.ack(msg);
}

/** Acks only once the dead letter is stored; if storing fails the message is nak'ed so that nothing is lost (O12). */
async function deadLetterAndAck(msg: JsMsg, message: IncomingMessage, error: string, policy: DeliveryPolicy): Promise<void> {
  try {
    await policy.deadLetters.deadLetter(policy.consumer, message, error);
  } catch (err) {
    policy.logger.error({ consumer: policy.consumer, id: message.id, err: errorMessage(err) }, 'could not store dead letter; message will be redelivered');
    msg.nak(backoffFor(message.deliveryAttempt, policy.backoffMs));
    return;
  }
  policy.logger.warn({ consumer: policy.consumer, id: message.id, name: message.name, error }, 'message dead-lettered');
  policy.acks.ack(msg);
}

async function recordFailure(message: IncomingMessage, error: string, policy: DeliveryPolicy): Promise<void> {
  try {
    await policy.deadLetters.recordFailure(policy.consumer, message, error);
  } catch (err) {
    // Losing one history entry is better than blocking the redelivery; the final error is still dead-lettered.
    policy.logger.error({ consumer: policy.consumer, id: message.id, err: errorMessage(err) }, 'could not record delivery failure');
  }
}

function backoffFor(attempt: number, backoffMs: readonly number[]): number {
  return backoffMs[Math.min(attempt, backoffMs.length) - 1] ?? 0;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** What can be kept of a message whose envelope does not decode: the raw body and NATS headers, for inspection. */
function rawMessage(msg: JsMsg, consumer: string): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const key of msg.headers?.keys() ?? []) headers[key] = msg.headers!.get(key);
  return {
    id: msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}#${msg.seq}`,
    name: msg.headers?.get(NatsHeader.MessageName) ?? '',
    subject: msg.subject,
    payload: msg.data,
    headers,
    occurredAt: msg.time,
    receivedAt: new Date(),
    deliveryAttempt: msg.info.deliveryCount,
    consumer,
  };
}
