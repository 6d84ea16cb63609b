/**
 * The broker-neutral message model of libs/am. A Message is what the outbox stores and the broker carries:
 * the payload is the proto encoding of the type registered under `name` (see MessageRegistry); everything the
 * infrastructure needs travels in string headers.
 */
export type Headers = Readonly<Record<string, string>>;

/** Header keys. The COMMAND_* / REPLY_* keys are the reference's (reference-behaviour §4.4), kept for wire compatibility. */
export const Header = {
  CorrelationId: 'correlation-id',
  CausationId: 'causation-id',
  TraceParent: 'traceparent',
  TraceState: 'tracestate',
  Baggage: 'baggage',
  CommandPrefix: 'COMMAND_',
  ReplyPrefix: 'REPLY_',
  CommandReplyChannel: 'COMMAND_REPLY_CHANNEL',
  CommandSagaId: 'COMMAND_SAGA_ID',
  CommandSagaName: 'COMMAND_SAGA_NAME',
  ReplyOutcome: 'REPLY_OUTCOME',
  ReplySagaId: 'REPLY_SAGA_ID',
  ReplySagaName: 'REPLY_SAGA_NAME',
  /** Why a command failed (the reference sends no reason, §14.2 #27). */
  ReplyError: 'REPLY_ERROR',
  /**
   * Set on a dead letter republished by `replayDeadLetter`: a unique token per replay. Broker adapters build the
   * broker de-duplication id from it (`brokerMessageId`), so the replay is not dropped as a duplicate of the
   * original publish while the message keeps its original id for the consumers' inboxes.
   */
  Replay: 'mallbots-replay',
} as const;

export type ReplyOutcome = 'SUCCESS' | 'FAILURE';

/** Names of the generic replies, which carry no payload. */
export const SuccessReply = 'am.Success';
export const FailureReply = 'am.Failure';

export interface Message {
  /** Unique id: the event/command/reply id. Also the broker de-duplication id and the inbox key. */
  readonly id: string;
  /** Registered message name, e.g. `storesapi.StoreCreated`. */
  readonly name: string;
  /** Where it is published, e.g. `mallbots.stores.events.Store`. */
  readonly subject: string;
  /** Proto encoding of the registered type (empty for the generic replies). */
  readonly payload: Uint8Array;
  readonly headers: Headers;
  /** When the domain fact happened (event/command/reply creation time). */
  readonly occurredAt: Date;
  /** When it was handed to the broker (set by the publisher; absent before publication). */
  readonly sentAt?: Date;
}

/** A message as a consumer sees it. */
export interface IncomingMessage extends Message {
  readonly receivedAt: Date;
  /** 1 for the first delivery, counting up on each redelivery. */
  readonly deliveryAttempt: number;
  /** The durable consumer (group) that received it. */
  readonly consumer: string;
}
