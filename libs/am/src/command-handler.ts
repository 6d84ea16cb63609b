import { createHash } from 'node:crypto';
import { type Command, ConflictError, InternalError, isDomainError, type Reply, UnavailableError } from '@mallbots/ddd';
import { causedBy } from './correlation.js';
import { MalformedMessageError } from './malformed-message.error.js';
import { FailureReply, Header, type IncomingMessage, type ReplyOutcome, SuccessReply } from './message.js';
import type { MessageHandler, MessagePublisher } from './ports.js';
import type { MessageRegistry } from './registry.js';
import { replyMessage } from './reply-messages.js';
import { decodePayload } from './typed-messages.js';

/** Handlers by command name; `Commands` maps each name to its payload type. Return a specific reply or nothing. */
export type CommandHandlers<Commands extends Record<string, unknown> = Record<string, unknown>> = {
  readonly [N in keyof Commands & string]?: (command: Command<Commands[N], N>, message: IncomingMessage) => Promise<Reply | undefined>;
};

type AnyCommandHandler = (command: Command, message: IncomingMessage) => Promise<Reply | undefined>;

/** Runs work so that, when it throws, none of its writes remain while the enclosing transaction goes on. */
export type Isolation = <T>(work: () => Promise<T>) => Promise<T>;

export interface CommandHandlerOptions {
  /**
   * Wraps each handler call. A refusal is answered and the transaction commits (the reply is in it), so writes the
   * handler made before refusing would commit too; in services pass libs/tm's `inSavepoint(tx)`, which rolls the
   * handler's writes back to a savepoint on any error. Default: no isolation (handlers must refuse before writing).
   */
  readonly isolate?: Isolation;
}

/**
 * Runs commands and always answers on the command's COMMAND_REPLY_CHANNEL (P01, P02, reference-behaviour §4.5):
 * - success: the handler's reply, or `am.Success`, with REPLY_OUTCOME=SUCCESS;
 * - a business refusal (a DomainError): `am.Failure` with REPLY_OUTCOME=FAILURE and the reason in REPLY_ERROR
 *   (§14.2 #27); the command is acked, because the refusal is the answer and a retry would refuse again;
 * - anything else (a bug, an outage, a lost optimistic-concurrency race) is re-thrown, so the command is
 *   redelivered and finally dead-lettered instead of being answered with a failure the saga would compensate for.
 * A command without a reply channel is malformed (the reference panicked, §14.2 #22).
 * Replies go through `replies` (in services the outbox, inside the handler's transaction).
 */
export function commandHandler<Commands extends Record<string, unknown>>(
  registry: MessageRegistry,
  handlers: CommandHandlers<Commands>,
  replies: MessagePublisher,
  options: CommandHandlerOptions = {},
): MessageHandler {
  const isolate: Isolation = options.isolate ?? ((work) => work());
  const byName = handlers as Readonly<Record<string, AnyCommandHandler | undefined>>;
  return async (message) => {
    const replyChannel = message.headers[Header.CommandReplyChannel];
    if (!replyChannel) throw new MalformedMessageError(`command ${message.name} ${message.id} has no ${Header.CommandReplyChannel} header`);
    const handle = Object.hasOwn(byName, message.name) ? byName[message.name] : undefined;

    let outcome: ReplyOutcome = 'SUCCESS';
    let reply: Reply | undefined;
    let error: string | undefined;
    if (!handle) {
      // Answer rather than ack silently: the caller would otherwise wait for a reply that never comes.
      outcome = 'FAILURE';
      error = `no handler for command ${message.name}`;
    } else {
      const command: Command = { id: message.id, name: message.name, payload: decodePayload(registry, message), occurredAt: message.occurredAt, metadata: message.headers };
      try {
        reply = await isolate(() => handle(command, message));
      } catch (err) {
        if (!isBusinessRefusal(err)) throw err;
        outcome = 'FAILURE';
        error = err.message;
      }
    }

    const name = outcome === 'SUCCESS' ? (reply?.name ?? SuccessReply) : FailureReply;
    const headers = {
      ...replyRouting(message),
      ...causedBy(message),
      [Header.ReplyOutcome]: outcome,
      ...(error !== undefined ? { [Header.ReplyError]: error } : {}),
    };
    const domainReply = { id: replyId(message.id), name, payload: outcome === 'SUCCESS' ? reply?.payload : undefined, occurredAt: new Date() };
    await replies.publish([replyMessage(registry, replyChannel, domainReply, headers)]);
  };
}

/** Retryable DomainErrors are not answers: a conflict or an unavailable dependency may well succeed next time. */
function isBusinessRefusal(err: unknown): err is Error {
  return isDomainError(err) && !(err instanceof ConflictError || err instanceof UnavailableError || err instanceof InternalError);
}

/** Every COMMAND_* header comes back as REPLY_* (COMMAND_SAGA_ID → REPLY_SAGA_ID, … incl. REPLY_REPLY_CHANNEL, as the reference). */
function replyRouting(command: IncomingMessage): Record<string, string> {
  const routing: Record<string, string> = {};
  for (const [key, value] of Object.entries(command.headers)) {
    if (key.startsWith(Header.CommandPrefix)) routing[Header.ReplyPrefix + key.slice(Header.CommandPrefix.length)] = value;
  }
  return routing;
}

/**
 * The reply id is derived from the command id (a name-based UUID), so a command handled twice under at-least-once
 * delivery yields the same reply id, which broker de-duplication and the receiver's inbox then drop.
 */
function replyId(commandId: string): string {
  const hash = createHash('sha1').update(`reply:${commandId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
