import { createEvent, type DomainEvent } from './domain-event.js';
import { Entity } from './entity.js';
import { MetadataKeys } from './metadata.js';

/**
 * The consistency boundary of the domain. Domain methods validate, then record events with `addEvent`; the
 * repository persists them, bumps the version (`commitEvents`) and dispatches them after a successful save (L03).
 *
 * `version` is the number of events already persisted for the aggregate (0 for a new one); `pendingVersion` counts
 * the recorded but unsaved events as well, so each new event is stamped with the version it will have in its
 * stream. Optimistic concurrency in libs/es relies on these numbers.
 */
export abstract class AggregateRoot extends Entity {
  private pending: DomainEvent[] = [];
  private committedVersion: number;

  protected constructor(id: string, version = 0) {
    super(id);
    this.committedVersion = version;
  }

  /** The name of the aggregate type, stored with every event (e.g. `stores.Store`). */
  abstract get aggregateName(): string;

  get version(): number {
    return this.committedVersion;
  }

  get pendingVersion(): number {
    return this.committedVersion + this.pending.length;
  }

  /** Events recorded since the last save, oldest first. */
  get events(): readonly DomainEvent[] {
    return this.pending;
  }

  protected addEvent<P, N extends string>(name: N, payload: P): DomainEvent<P, N> {
    const event = createEvent(name, payload, {
      [MetadataKeys.AggregateName]: this.aggregateName,
      [MetadataKeys.AggregateId]: this.id,
      [MetadataKeys.AggregateVersion]: String(this.pendingVersion + 1),
    });
    this.pending.push(event);
    return event;
  }

  /** Called by the repository once the pending events are persisted. */
  commitEvents(): void {
    this.committedVersion += this.pending.length;
    this.pending = [];
  }

  /** Called by repositories that rebuild an aggregate from storage (snapshot or event replay). */
  protected setVersion(version: number): void {
    this.committedVersion = version;
  }
}
