import { EventTypeRegistry } from '@mallbots/es';
import { BasketEventNames, basketCheckedOutSerde, basketItemAddedSerde } from './basket.events.js';
import { BasketSnapshotV1 } from './basket.snapshot.js';

/**
 * Registers every Basket event at its current schema version (all 1) and the current snapshot type. When a payload
 * changes incompatibly: raise its version here and add an upcaster from the old one (stored events are never
 * rewritten, M04).
 */
export function registerBasketTypes(registry: EventTypeRegistry): EventTypeRegistry {
  return registry
    .register(BasketEventNames.Started, { version: 1 })
    .register(BasketEventNames.ItemAdded, { version: 1, serde: basketItemAddedSerde })
    .register(BasketEventNames.ItemRemoved, { version: 1 })
    .register(BasketEventNames.Canceled, { version: 1 })
    .register(BasketEventNames.CheckedOut, { version: 1, serde: basketCheckedOutSerde })
    .registerSnapshot(BasketSnapshotV1.name, BasketSnapshotV1.version);
}

/** A registry holding the Basket types only: what the baskets service's AggregateRepository needs. */
export function createBasketRegistry(): EventTypeRegistry {
  return registerBasketTypes(new EventTypeRegistry());
}
