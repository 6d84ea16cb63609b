import { Header, type Headers, type Message } from './message.js';
import type { MessageRegistry } from './registry.js';
import { type DomainMessage, toMessage } from './typed-messages.js';

/** Where and for whom a command's reply goes (§4.4): the reply channel is required, the saga keys optional. */
export interface CommandRouting {
  readonly replyChannel: string;
  readonly sagaId?: string;
  readonly sagaName?: string;
}

export function commandHeaders(routing: CommandRouting): Headers {
  return {
    [Header.CommandReplyChannel]: routing.replyChannel,
    ...(routing.sagaId !== undefined ? { [Header.CommandSagaId]: routing.sagaId } : {}),
    ...(routing.sagaName !== undefined ? { [Header.CommandSagaName]: routing.sagaName } : {}),
  };
}

/** A command as a Message for a module's command channel (e.g. `mallbots.depot.commands`). */
export function commandMessage(registry: MessageRegistry, subject: string, command: DomainMessage, routing: CommandRouting, headers: Headers = {}): Message {
  return toMessage(registry, subject, command, { ...headers, ...commandHeaders(routing) });
}
