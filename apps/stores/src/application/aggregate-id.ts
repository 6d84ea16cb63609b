import { type DomainEvent, MetadataKeys } from '@mallbots/ddd';

/**
 * The id of the aggregate that raised `event`. Payloads never repeat it (it belongs to the stream, M04); the
 * aggregate stamps it in the metadata, so a missing one is a wiring bug, not bad input.
 */
export function aggregateIdOf(event: DomainEvent): string {
  const id = event.metadata[MetadataKeys.AggregateId];
  if (!id) throw new Error(`${event.name} ${event.id} carries no ${MetadataKeys.AggregateId} metadata`);
  return id;
}
