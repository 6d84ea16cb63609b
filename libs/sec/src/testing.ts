// Test doubles for code that runs sagas (libs/sec's own tests and cosec's): an in-memory store, a recording
// publisher, a manual clock, a JSON codec and the participant side of the command/reply protocol. Transaction
// runners for tests are in @mallbots/tm/test-transaction-runners.
import { FailureReply, Header, SuccessReply, type IncomingMessage, type Message, type MessageCodec, type ReplyOutcome } from '@mallbots/am';
import { newId } from '@mallbots/ddd';

export { InMemorySagaStore } from './in-memory-saga-store.js';
export { RecordingPublisher } from '@mallbots/am/testing';

/** A clock the test moves by hand, for deadlines without sleeping. */
export class ManualClock {
  constructor(private current: Date = new Date('2030-01-01T00:00:00Z')) {}

  readonly now = (): Date => new Date(this.current.getTime());

  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}

/** A codec that encodes values as JSON, for registering test messages without protobuf. */
export function jsonCodec<T>(): MessageCodec<T> {
  return {
    encode: (value) => ({ finish: () => new TextEncoder().encode(JSON.stringify(value)) }),
    decode: (input) => JSON.parse(new TextDecoder().decode(input)) as T,
  };
}

export interface ReplyOptions {
  outcome?: ReplyOutcome;
  /** Default am.Success / am.Failure by outcome. */
  name?: string;
  payload?: Uint8Array;
  error?: string;
  deliveryAttempt?: number;
}

/**
 * The reply a participant sends to `command`, built the way the command-handler reply protocol does it
 * (reference-behaviour §4.4–4.5): every COMMAND_* header is copied back as REPLY_*, plus REPLY_OUTCOME and,
 * on failure, REPLY_ERROR; published on the command's COMMAND_REPLY_CHANNEL.
 */
export function replyTo(command: Message, options: ReplyOptions = {}): IncomingMessage {
  const outcome = options.outcome ?? 'SUCCESS';
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(command.headers)) {
    if (key.startsWith(Header.CommandPrefix)) headers[Header.ReplyPrefix + key.slice(Header.CommandPrefix.length)] = value;
  }
  headers[Header.ReplyOutcome] = outcome;
  headers[Header.CorrelationId] = command.headers[Header.CorrelationId] ?? command.id;
  headers[Header.CausationId] = command.id;
  if (options.error) headers[Header.ReplyError] = options.error;
  const now = new Date();
  return {
    id: newId(),
    name: options.name ?? (outcome === 'SUCCESS' ? SuccessReply : FailureReply),
    subject: command.headers[Header.CommandReplyChannel] ?? '',
    payload: options.payload ?? new Uint8Array(),
    headers,
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: options.deliveryAttempt ?? 1,
    consumer: 'test-replies',
  };
}
