import { EventTypeRegistry } from '@mallbots/es';
import { productAddedSerde, productPriceChangedSerde } from './product.event-serdes.js';
import { ProductEventName } from './product.events.js';
import { ProductSnapshotName, ProductSnapshotVersion } from './product.snapshot.js';
import { StoreEventName } from './store.events.js';
import { StoreSnapshotName, StoreSnapshotVersion } from './store.snapshot.js';

/**
 * Registers every event and snapshot type of the stores context (M05) on `registry`, so the event store can save
 * and load both streams. All events are at schema version 1. When a payload changes incompatibly: raise its
 * version here and add an upcaster from the old one (libs/es README); never edit a stored shape in place (M04).
 */
export function registerStoresEventTypes(registry: EventTypeRegistry): EventTypeRegistry {
  return registry
    .register(StoreEventName.Created, { version: 1 })
    .register(StoreEventName.ParticipationEnabled, { version: 1 })
    .register(StoreEventName.ParticipationDisabled, { version: 1 })
    .register(StoreEventName.Rebranded, { version: 1 })
    .register(ProductEventName.Added, { version: 1, serde: productAddedSerde })
    .register(ProductEventName.Rebranded, { version: 1 })
    .register(ProductEventName.PriceIncreased, { version: 1, serde: productPriceChangedSerde(ProductEventName.PriceIncreased) })
    .register(ProductEventName.PriceDecreased, { version: 1, serde: productPriceChangedSerde(ProductEventName.PriceDecreased) })
    .register(ProductEventName.Removed, { version: 1 })
    .registerSnapshot(StoreSnapshotName, StoreSnapshotVersion)
    .registerSnapshot(ProductSnapshotName, ProductSnapshotVersion);
}

/** A registry holding exactly the stores context's types: what the service's repositories use. */
export function createStoresEventTypeRegistry(): EventTypeRegistry {
  return registerStoresEventTypes(new EventTypeRegistry());
}
