import type { AggregateRoot, EventDispatcher } from '@mallbots/ddd';

/**
 * Saves the aggregate, then hands its new events to the in-process handlers (integration events through the
 * outbox), all in the caller's transaction (L03, L05, F05). A no-op repeat (an idempotent pay, cancel or adjust)
 * has no events, so it publishes nothing.
 */
export async function saveAndPublish<A extends AggregateRoot>(repository: { save(aggregate: A): Promise<void> }, events: EventDispatcher, aggregate: A): Promise<void> {
  const pending = [...aggregate.events];
  await repository.save(aggregate);
  await events.publish(...pending);
}
