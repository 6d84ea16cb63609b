// Test doubles for code that runs sagas (libs/sec's own tests and cosec's): an in-memory store, a serial
// transaction runner, a recording publisher, a manual clock, a JSON codec and the participant side of the
// command/reply protocol.
import { AsyncLocalStorage } from 'node:async_hooks';
import { FailureReply, Header, SuccessReply, type IncomingMessage, type Message, type MessageCodec, type MessagePublisher, type ReplyOutcome } from '@mallbots/am';
import { newId } from '@mallbots/ddd';
import type { SqlExecutor, TransactionRunner } from '@mallbots/tm';

export { InMemorySagaStore } from './in-memory-saga-store.js';

/** Records every published message, in order. */
export class RecordingPublisher implements MessagePublisher {
  readonly messages: Message[] = [];

  async publish(messages: readonly Message[]): Promise<void> {
    this.messages.push(...messages);
  }

  /** Names of the published messages, in order. */
  names(): string[] {
    return this.messages.map((m) => m.name);
  }

  last(): Message {
    const message = this.messages.at(-1);
    if (!message) throw new Error('nothing was published');
    return message;
  }
}

/**
 * A TransactionRunner without a database: runs one top-level `run` at a time (nested runs join), which is the
 * serialisation PostgreSQL's row lock gives the saga store. No rollback: use PgTestTransactionRunner for that.
 */
export class SerialTransactionRunner implements TransactionRunner {
  private readonly als = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.als.getStore()) return work();
    const result = this.tail.then(() => this.als.run(true, work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  executor(): SqlExecutor {
    throw new Error('SerialTransactionRunner has no database');
  }

  inTransaction(): boolean {
    return this.als.getStore() === true;
  }
}

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
