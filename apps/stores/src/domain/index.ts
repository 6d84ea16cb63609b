// The stores domain API (requirements B): aggregates, their events and errors, and the event-type registry the
// adapters need to load the streams. Repository ports belong to the application layer.
export { Store, StoreAggregateName } from './store.aggregate.js';
export {
  StoreEventName,
  type StoreEvent,
  type StoreCreated,
  type StoreCreatedPayload,
  type StoreParticipationEnabled,
  type StoreParticipationDisabled,
  type StoreParticipationToggledPayload,
  type StoreRebranded,
  type StoreRebrandedPayload,
} from './store.events.js';
export { StoreErrors } from './store.errors.js';
export { StoreSnapshotName, StoreSnapshotVersion, type StoreV1 } from './store.snapshot.js';
export { Product, ProductAggregateName, type NewProduct } from './product.aggregate.js';
export {
  ProductEventName,
  type ProductEvent,
  type ProductAdded,
  type ProductAddedPayload,
  type ProductRebranded,
  type ProductRebrandedPayload,
  type ProductPriceIncreased,
  type ProductPriceDecreased,
  type ProductPriceChangedPayload,
  type ProductRemoved,
  type ProductRemovedPayload,
} from './product.events.js';
export { ProductErrors } from './product.errors.js';
export { ProductSnapshotName, ProductSnapshotVersion, type ProductV1 } from './product.snapshot.js';
export { registerStoresEventTypes, createStoresEventTypeRegistry } from './stores.event-types.js';
