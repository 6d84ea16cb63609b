import type { Reply } from '@mallbots/ddd';
import { MalformedMessageError } from './malformed-message.error.js';
import { FailureReply, Header, type Headers, type IncomingMessage, type Message, type ReplyOutcome, SuccessReply } from './message.js';
import type { MessageHandler } from './ports.js';
import type { MessageRegistry } from './registry.js';
import { type DomainMessage, decodePayload, toMessage } from './typed-messages.js';

/** The generic replies carry no payload (§4.3), so they need no registration. */
export function isGenericReply(name: string): boolean {
  return name === SuccessReply || name === FailureReply;
}

/** A reply as a Message for the reply channel named by the command's COMMAND_REPLY_CHANNEL. */
export function replyMessage(registry: MessageRegistry, subject: string, reply: DomainMessage, headers: Headers = {}): Message {
  return toMessage(registry, subject, reply, headers, isGenericReply(reply.name) ? new Uint8Array() : undefined);
}

/** A decoded reply with the routing the command handler copied back (P02). */
export interface ReceivedReply<P = unknown> extends Reply<P> {
  readonly outcome: ReplyOutcome;
  /** Why the command failed (FAILURE only, §14.2 #27). */
  readonly error?: string;
  readonly sagaId?: string;
  readonly sagaName?: string;
}

export type ReplyHandlerFn = (reply: ReceivedReply, message: IncomingMessage) => Promise<void>;

/** Decodes replies (the generic ones have `payload` undefined) and hands them to one handler, e.g. the saga's. */
export function replyHandler(registry: MessageRegistry, handle: ReplyHandlerFn): MessageHandler {
  return async (message) => {
    const outcome = message.headers[Header.ReplyOutcome];
    // Without an outcome the reply cannot be interpreted; retrying will not add one.
    if (outcome !== 'SUCCESS' && outcome !== 'FAILURE') {
      throw new MalformedMessageError(`reply ${message.name} ${message.id} has no valid ${Header.ReplyOutcome} (got ${outcome ?? 'none'})`);
    }
    const error = message.headers[Header.ReplyError];
    const sagaId = message.headers[Header.ReplySagaId];
    const sagaName = message.headers[Header.ReplySagaName];
    await handle(
      {
        id: message.id,
        name: message.name,
        payload: isGenericReply(message.name) ? undefined : decodePayload(registry, message),
        occurredAt: message.occurredAt,
        metadata: message.headers,
        outcome,
        ...(error !== undefined ? { error } : {}),
        ...(sagaId !== undefined ? { sagaId } : {}),
        ...(sagaName !== undefined ? { sagaName } : {}),
      },
      message,
    );
  };
}
