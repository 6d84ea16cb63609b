import type { EventDispatcher } from '@mallbots/ddd';
import { AggregateRepository, type EventSourcedAggregate, type EventTypeRegistry, PgEventStore, PgSnapshotStore, type SnapshotStrategy } from '@mallbots/es';
import type { TransactionRunner } from '@mallbots/tm/sql';

/** What both event-sourced repositories of the service share. */
export interface StoresEventSourcing {
  /** The request's transaction: appends, snapshots and the dispatched handlers' writes join it. */
  readonly tx: TransactionRunner;
  /** DOMAIN_EVENTS: projectors and the integration-event publisher. */
  readonly dispatcher: EventDispatcher;
  /** Every event and snapshot type of the context (`createStoresEventTypeRegistry()`). */
  readonly registry: EventTypeRegistry;
  /** When to snapshot: `everyNEvents(3)` unless configured (reference-behaviour §7.5). */
  readonly strategy: SnapshotStrategy;
}

/** An AggregateRepository on the `events` and `snapshots` tables the platform's library migrations create. */
export function pgAggregateRepository<T extends EventSourcedAggregate>(streamName: string, factory: (id: string) => T, options: StoresEventSourcing): AggregateRepository<T> {
  const { tx, dispatcher, registry, strategy } = options;
  return new AggregateRepository<T>({
    streamName,
    factory,
    eventStore: new PgEventStore(tx),
    snapshotStore: new PgSnapshotStore(tx),
    strategy,
    registry,
    dispatcher,
    tx,
  });
}
