import { EventTypeRegistry } from '@mallbots/es';
import {
  OrderApprovedEvent,
  OrderCanceledEvent,
  OrderCompletedEvent,
  OrderCreatedEvent,
  OrderReadiedEvent,
  OrderRejectedEvent,
  orderCreatedSerde,
  orderReadiedSerde,
} from './order.events.js';
import { OrderSnapshotV1Name, OrderSnapshotV1Version } from './order.snapshot.js';

/**
 * Adds the order's event types (all at schema version 1) and its snapshot type to `registry`. When a payload changes
 * incompatibly, raise that event's version here and register an upcaster from the old one; stored events are never
 * rewritten (requirements M04).
 */
export function registerOrderTypes(registry: EventTypeRegistry): EventTypeRegistry {
  return registry
    .register(OrderCreatedEvent, { version: 1, serde: orderCreatedSerde })
    .register(OrderApprovedEvent, { version: 1 })
    .register(OrderRejectedEvent, { version: 1 })
    .register(OrderCanceledEvent, { version: 1 })
    .register(OrderReadiedEvent, { version: 1, serde: orderReadiedSerde })
    .register(OrderCompletedEvent, { version: 1 })
    .registerSnapshot(OrderSnapshotV1Name, OrderSnapshotV1Version);
}

/** A registry holding only the order's types: what the ordering service's Order repository needs. */
export function createOrderRegistry(): EventTypeRegistry {
  return registerOrderTypes(new EventTypeRegistry());
}
