import type { DomainEvent } from '@mallbots/ddd';
import type { Headers, IncomingMessage, Message } from './message.js';
import type { MessageHandler } from './ports.js';
import type { MessageRegistry } from './registry.js';
import { type DomainMessage, decodePayload, toMessage } from './typed-messages.js';

/** An integration event as a Message for `subject` (e.g. `mallbots.stores.events.Store`). */
export function eventMessage(registry: MessageRegistry, subject: string, event: DomainMessage, headers: Headers = {}): Message {
  return toMessage(registry, subject, event, headers);
}

/** Handlers by event name; `Events` maps each name to its payload type (ts-proto interfaces). */
export type EventHandlers<Events extends Record<string, unknown> = Record<string, unknown>> = {
  readonly [N in keyof Events & string]?: (event: DomainEvent<Events[N], N>, message: IncomingMessage) => Promise<void>;
};

/**
 * Decodes events and dispatches them by name. Names without a handler are acked unhandled: a subject carries all
 * of an aggregate's events and a consumer cares about some (the same as the subscription filter, §4.2).
 */
export function eventHandler<Events extends Record<string, unknown>>(registry: MessageRegistry, handlers: EventHandlers<Events>): MessageHandler {
  const byName = handlers as Readonly<Record<string, ((event: DomainEvent, message: IncomingMessage) => Promise<void>) | undefined>>;
  return async (message) => {
    // hasOwn: a name like "constructor" must not reach Object.prototype.
    const handle = Object.hasOwn(byName, message.name) ? byName[message.name] : undefined;
    if (!handle) return;
    const event: DomainEvent = {
      id: message.id,
      name: message.name,
      payload: decodePayload(registry, message),
      occurredAt: message.occurredAt,
      metadata: message.headers,
    };
    await handle(event, message);
  };
}
