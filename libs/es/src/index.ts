export { EventSourcedAggregate, isSnapshotter, type Snapshot, type Snapshotter, type RecordedEvent } from './event-sourced-aggregate.js';
export {
  EventTypeRegistry,
  UnknownEventTypeError,
  EventSchemaError,
  type EventTypeOptions,
  type PayloadSerde,
  type SerializedPayload,
  type Upcaster,
} from './event-type-registry.js';
export { type EventStore, type NewEvent, type StoredEvent } from './event-store.port.js';
export { PgEventStore, type ExecutorSource } from './pg-event-store.js';
export { InMemoryEventStore } from './in-memory-event-store.js';
export { type SnapshotStore, type SnapshotRecord } from './snapshot-store.port.js';
export { PgSnapshotStore } from './pg-snapshot-store.js';
export { InMemorySnapshotStore } from './in-memory-snapshot-store.js';
export { everyNEvents, never, onEvents, anyOf, type SnapshotStrategy, type SaveInfo } from './snapshot-strategy.js';
export { AggregateRepository, type AggregateRepositoryOptions } from './aggregate-repository.js';
export { esSchemaSql } from './schema.js';
