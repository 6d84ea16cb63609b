import { AggregateRoot, type DomainEvent } from '@mallbots/ddd';

/**
 * A serialised, versioned picture of an aggregate's state (M07). `name` identifies the snapshot type (e.g.
 * `stores.StoreV1`) and `version` its schema version; both are checked against the EventTypeRegistry on load so a
 * snapshot written by older code is ignored instead of being misread. `data` must be plain JSON.
 */
export interface Snapshot {
  readonly name: string;
  readonly version: number;
  readonly data: unknown;
}

/** Implemented by aggregates that can be snapshotted; the repository only snapshots aggregates that implement it. */
export interface Snapshotter {
  toSnapshot(): Snapshot;
  applySnapshot(snapshot: Snapshot): void;
}

export function isSnapshotter(value: object): value is Snapshotter {
  const candidate = value as Partial<Snapshotter>;
  return typeof candidate.toSnapshot === 'function' && typeof candidate.applySnapshot === 'function';
}

/** An event read back from a stream, with the stream version it was stored at. */
export interface RecordedEvent {
  readonly streamVersion: number;
  readonly event: DomainEvent;
}

/**
 * Base class of event-sourced aggregates (M01). Domain methods validate, then `raise` events; `apply` is the only
 * place state changes, and it must keep handling every event ever stored (M04: "the application cannot forget").
 *
 * Deliberate difference from the reference: `raise` applies the event at once, whereas the reference applies pending
 * events only at save time. There, a method that raises two events (or a handler that runs two commands on one
 * loaded aggregate) validates the second against stale state; here every check sees the effect of the events
 * already raised. Always use `raise`, never the inherited `addEvent`, so recorded events and state cannot diverge.
 */
export abstract class EventSourcedAggregate<E extends DomainEvent = DomainEvent> extends AggregateRoot {
  /** Changes state for one event. Throwing here is a bug (an event this aggregate does not know). */
  protected abstract apply(event: E): void;

  protected raise<N extends E['name']>(name: N, payload: Extract<E, { name: N }>['payload']): Extract<E, { name: N }> {
    const event = this.addEvent(name, payload);
    this.apply(event as unknown as E);
    return event as unknown as Extract<E, { name: N }>;
  }

  /**
   * Rebuilds state from stored events (repository use). Versions must follow on from the current one without gaps:
   * a gap means events were lost or `afterVersion` was wrong, and replaying past it would produce a wrong state.
   */
  replay(history: readonly RecordedEvent[]): this {
    this.assertNothingPending('replay');
    for (const { streamVersion, event } of history) {
      if (streamVersion !== this.version + 1) {
        throw new Error(`${this.aggregateName}/${this.id}: cannot replay version ${streamVersion} on top of version ${this.version}`);
      }
      this.apply(event as E);
      this.setVersion(streamVersion);
    }
    return this;
  }

  /** Restores state from a snapshot taken at `streamVersion` (repository use); newer events are replayed after. */
  restore(snapshot: Snapshot, streamVersion: number): this {
    this.assertNothingPending('restore');
    if (!isSnapshotter(this)) throw new Error(`${this.aggregateName} does not implement Snapshotter`);
    this.applySnapshot(snapshot);
    this.setVersion(streamVersion);
    return this;
  }

  private assertNothingPending(operation: string): void {
    if (this.events.length > 0) throw new Error(`${this.aggregateName}/${this.id}: cannot ${operation} with unsaved events`);
  }
}
