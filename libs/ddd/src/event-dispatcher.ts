import type { DomainEvent } from './domain-event.js';

export type EventHandler<E extends DomainEvent = DomainEvent> = (event: E) => Promise<void> | void;

interface Subscription {
  names: ReadonlySet<string> | 'all';
  handler: EventHandler;
}

/**
 * In-process domain-event bus (L02). Handlers run synchronously in registration order, inside the caller's
 * transaction (L05); the first error aborts the publish so the caller's transaction rolls back. Events nobody
 * subscribed to are ignored.
 */
export class EventDispatcher {
  private readonly subscriptions: Subscription[] = [];

  /** Subscribe to the named events, or to every event when no names are given. */
  subscribe<E extends DomainEvent>(handler: EventHandler<E>, ...names: string[]): this {
    this.subscriptions.push({ names: names.length ? new Set(names) : 'all', handler: handler as EventHandler });
    return this;
  }

  async publish(...events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const { names, handler } of this.subscriptions) {
        if (names === 'all' || names.has(event.name)) await handler(event);
      }
    }
  }
}
