import type { IncomingMessage, Message } from './message.js';

/**
 * Sends messages. For the broker adapters the promise resolves only when the broker has durably accepted every
 * message (JetStream publish ack); it rejects if any was not accepted, listing which (PublishError).
 * In services, application code never publishes to the broker directly: it writes to the outbox (libs/tm),
 * which implements this same port inside the current transaction.
 */
export interface MessagePublisher {
  publish(messages: readonly Message[]): Promise<void>;
}

export class PublishError extends Error {
  constructor(
    message: string,
    /** Ids of the messages the broker did not accept; the others were accepted. */
    readonly failedIds: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PublishError';
  }
}

/** Handles one delivered message. Resolving acks it; throwing makes it be redelivered (or dead-lettered). */
export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/** Wraps a handler with cross-cutting behaviour (inbox, transaction, tracing, metrics, logging). */
export type HandlerMiddleware = (next: MessageHandler) => MessageHandler;

/** First middleware listed is the outermost. */
export function withMiddleware(handler: MessageHandler, ...middleware: readonly HandlerMiddleware[]): MessageHandler {
  return middleware.reduceRight((next, mw) => mw(next), handler);
}

/** The defaults every adapter applies to SubscriptionOptions: AckWait 30 s and MaxDeliver 5 as in the reference (O04). */
export const subscriptionDefaults = {
  ackWaitMs: 30_000,
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 15_000, 30_000],
  concurrency: 1,
  /** maxHandlingMs defaults to this many ackWaits. */
  maxHandlingAckWaits: 10,
} as const;

export interface SubscriptionOptions {
  /** Subject to consume, e.g. `mallbots.stores.events.Store`. */
  subject: string;
  /** Durable consumer name, one per consuming module and channel, e.g. `baskets-stores` (never shared). */
  group: string;
  /** Message names to handle; others are acked and skipped. Absent: handle all. */
  filter?: readonly string[];
  /** How long a delivery may stay unacknowledged before the broker redelivers it. Default 30 s. */
  ackWaitMs?: number;
  /** Deliveries in total before the message is dead-lettered. Default 5. */
  maxDeliver?: number;
  /** Delay before each redelivery after a failure (last value repeats). Default [1 s, 5 s, 15 s, 30 s]. */
  backoffMs?: readonly number[];
  /**
   * How long a handler may run before the adapter stops extending its ack deadline: after that the broker redelivers
   * the message (a hung handler must not hold it for ever). Default 10 × ackWait.
   */
  maxHandlingMs?: number;
  /** Messages handled at once. Default 1 (strict per-consumer order); raise it for throughput where handlers tolerate reordering (O10, O11). */
  concurrency?: number;
}

export interface Subscription {
  readonly group: string;
  /** Stops taking new messages, waits for in-flight handlers to finish (and ack/nak), then closes. */
  drain(): Promise<void>;
}

export interface MessageSubscriber {
  subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription>;
}

/** What is kept of a message that failed on every delivery (O12). */
export interface DeadLetter {
  readonly id: string; // message id
  readonly consumer: string; // durable group
  readonly message: Message;
  readonly errors: readonly FailureRecord[];
  readonly deadLetteredAt: Date;
  readonly replayedAt?: Date;
}

export interface FailureRecord {
  readonly attempt: number;
  readonly error: string;
  readonly at: Date;
}

/**
 * Remembers failed deliveries and dead letters. The broker adapters call `recordFailure` after each failed
 * delivery that will be retried, and `deadLetter` (with that delivery's error) instead for the one that gives up
 * (the last allowed delivery, or a MalformedMessageError at once); they ack the message only once the dead letter
 * is stored. A dead letter's `errors` are therefore one record per failed delivery, oldest first.
 * Dead-lettering a message again after a replay reopens its dead letter (replayedAt cleared), appending to the
 * history. `list` and `count` cover open (not replayed) dead letters unless asked otherwise; `list` is oldest first.
 * libs/tm has the PostgreSQL implementation; libs/am an in-memory one for tests; both pass
 * `describeDeadLetterStoreContract` (@mallbots/am/testing).
 */
export interface DeadLetterStore {
  recordFailure(consumer: string, message: IncomingMessage, error: string): Promise<void>;
  deadLetter(consumer: string, message: IncomingMessage, error: string): Promise<DeadLetter>;
  list(filter?: { consumer?: string; includeReplayed?: boolean; limit?: number }): Promise<DeadLetter[]>;
  get(consumer: string, id: string): Promise<DeadLetter | undefined>;
  markReplayed(consumer: string, id: string): Promise<void>;
  count(): Promise<number>;
}
