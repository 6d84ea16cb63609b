import { MalformedMessageError } from './malformed-message.error.js';
import type { Headers, Message } from './message.js';
import { type MessageRegistry, UnregisteredMessageError } from './registry.js';

/** What events, commands and replies of libs/ddd have in common; their metadata stays in-process (§4.4). */
export interface DomainMessage<P = unknown, N extends string = string> {
  readonly id: string;
  readonly name: N;
  readonly payload: P;
  readonly occurredAt: Date;
}

/** A Message whose id is the domain object's id (O02): the inbox and broker de-duplication key on it. */
export function toMessage(registry: MessageRegistry, subject: string, domain: DomainMessage, headers: Headers, payload?: Uint8Array): Message {
  return {
    id: domain.id,
    name: domain.name,
    subject,
    payload: payload ?? registry.serialize(domain.name, domain.payload),
    headers: { ...headers },
    occurredAt: domain.occurredAt,
  };
}

/**
 * Decodes a payload by its registered name. Bytes that do not decode are malformed (dead-lettered at once); an
 * unregistered name is left as UnregisteredMessageError, because that is a wiring bug a redeploy fixes.
 */
export function decodePayload<T>(registry: MessageRegistry, message: Message): T {
  if (!registry.has(message.name)) throw new UnregisteredMessageError(message.name);
  try {
    return registry.deserialize<T>(message.name, message.payload);
  } catch (err) {
    throw new MalformedMessageError(`payload of ${message.name} ${message.id} does not decode: ${(err as Error).message}`, { cause: err });
  }
}
