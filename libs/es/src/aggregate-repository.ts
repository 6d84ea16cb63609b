import { NotFoundError, type EventDispatcher } from '@mallbots/ddd';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { isSnapshotter, type EventSourcedAggregate } from './event-sourced-aggregate.js';
import type { EventStore } from './event-store.port.js';
import type { EventTypeRegistry } from './event-type-registry.js';
import { everyNEvents, never, type SnapshotStrategy } from './snapshot-strategy.js';
import type { SnapshotStore } from './snapshot-store.port.js';

export interface AggregateRepositoryOptions<T> {
  /** The stream name, usually the aggregate name (e.g. `stores.Store`). */
  streamName: string;
  /** An empty aggregate with this id, to be rebuilt from a snapshot and events. */
  factory: (id: string) => T;
  eventStore: EventStore;
  /** Without one, aggregates are always rebuilt from all their events. */
  snapshotStore?: SnapshotStore;
  /** When to snapshot; default `everyNEvents(3)` (the reference) when a snapshot store is given. */
  strategy?: SnapshotStrategy;
  registry: EventTypeRegistry;
  /** Receives the saved events inside the save's transaction (read models, outbox rows; L03, L05). */
  dispatcher?: EventDispatcher;
  tx: TransactionRunner;
}

/** Loads and saves one type of event-sourced aggregate (M02). */
export class AggregateRepository<T extends EventSourcedAggregate> {
  private readonly strategy: SnapshotStrategy;

  constructor(private readonly options: AggregateRepositoryOptions<T>) {
    this.strategy = options.strategy ?? (options.snapshotStore ? everyNEvents() : never());
  }

  /**
   * The aggregate rebuilt from its snapshot, when there is a current one, and the events after it; undefined for a
   * stream that does not exist (commands never create aggregates implicitly, architecture §4.10). Not wrapped in a
   * transaction: the events after a snapshot only ever grow, so reading them after the snapshot is consistent, and a
   * caller inside a transaction reads through it.
   */
  async load(id: string): Promise<T | undefined> {
    const { streamName, factory, eventStore, snapshotStore, registry } = this.options;
    const aggregate = factory(id);
    if (snapshotStore && isSnapshotter(aggregate)) {
      const snapshot = await snapshotStore.load(streamName, id);
      // A snapshot of an older (or unknown) type is a stale cache: ignore it and replay every event instead.
      if (snapshot && registry.isCurrentSnapshot(snapshot.name, snapshot.version)) aggregate.restore(snapshot, snapshot.streamVersion);
    }
    const stored = await eventStore.load(streamName, id, aggregate.version);
    aggregate.replay(stored.map((event) => ({ streamVersion: event.streamVersion, event: registry.deserializeEvent({ ...event, id: event.eventId, name: event.eventName, version: event.eventVersion }) })));
    return aggregate.version === 0 ? undefined : aggregate;
  }

  async get(id: string): Promise<T> {
    const aggregate = await this.load(id);
    if (!aggregate) throw new NotFoundError(`${this.options.streamName} ${id} not found`);
    return aggregate;
  }

  /**
   * Appends the pending events (expected version = the loaded version), snapshots when the strategy says so and
   * dispatches the events, all in one transaction joined with the caller's: if a handler fails, the events, the
   * snapshot and everything the handlers wrote roll back together. The aggregate is committed only after that.
   * Throws ConflictError when another writer saved the aggregate since it was loaded.
   */
  async save(aggregate: T): Promise<void> {
    const events = aggregate.events;
    if (events.length === 0) return;
    const { streamName, eventStore, snapshotStore, registry, dispatcher, tx } = this.options;
    const fromVersion = aggregate.version;
    const toVersion = aggregate.pendingVersion;
    await tx.run(async () => {
      const records = events.map((event) => {
        const { name, version, data } = registry.serializeEvent(event);
        return { eventId: event.id, eventName: name, eventVersion: version, data, metadata: event.metadata, occurredAt: event.occurredAt };
      });
      await eventStore.append(streamName, aggregate.id, fromVersion, records);
      if (snapshotStore && isSnapshotter(aggregate) && this.strategy.shouldSnapshot({ fromVersion, toVersion, events })) {
        // `raise` already applied the pending events, so the snapshot is the state at toVersion.
        const snapshot = aggregate.toSnapshot();
        registry.assertCurrentSnapshot(snapshot);
        await snapshotStore.save(streamName, aggregate.id, { ...snapshot, streamVersion: toVersion });
      }
      await dispatcher?.publish(...events);
    });
    aggregate.commitEvents();
  }
}
