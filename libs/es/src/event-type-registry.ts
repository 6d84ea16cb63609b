import type { DomainEvent } from '@mallbots/ddd';
import type { Snapshot } from './event-sourced-aggregate.js';
import { toJson } from './json.js';

/** Converts a payload to and from its stored JSON form. The default stores the payload's JSON as-is. */
export interface PayloadSerde<P = unknown> {
  toJson(payload: P): unknown;
  fromJson(data: unknown): P;
}

/**
 * Turns data stored at schema version `fromVersion` into version `fromVersion + 1`, optionally under a new event
 * name (an event renamed in the same change). Upcasters run on load only: stored events are never rewritten (M04).
 */
export type Upcaster = (data: unknown) => { name?: string; data: unknown };

/** The stored form of an event payload: name, schema version and JSON data. */
export interface SerializedPayload {
  readonly name: string;
  readonly version: number;
  readonly data: unknown;
}

export interface EventTypeOptions<P> {
  /** Current schema version (default 1). Raise it with every incompatible payload change and add an upcaster. */
  version?: number;
  serde?: PayloadSerde<P>;
}

/** Loading or saving met an event name nobody registered: a wiring bug or data written by other code. */
export class UnknownEventTypeError extends Error {
  constructor(name: string) {
    super(`event type "${name}" is not registered`);
    this.name = 'UnknownEventTypeError';
  }
}

/** A stored schema version this code cannot bring to the current one (missing upcaster, or written by newer code). */
export class EventSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventSchemaError';
  }
}

const jsonSerde: PayloadSerde = { toJson, fromJson: (data) => data };

interface EventType {
  version: number;
  serde: PayloadSerde;
}

/**
 * Event and snapshot types by name, with their schema versions (M05). Replaces the reference's reflection-style
 * registry: events are plain objects, so the registry only needs versions, serdes and upcasters.
 */
export class EventTypeRegistry {
  private readonly events = new Map<string, EventType>();
  private readonly upcasters = new Map<string, Upcaster>();
  private readonly snapshots = new Map<string, number>();

  register<P>(name: string, options: EventTypeOptions<P> = {}): this {
    if (this.events.has(name)) throw new Error(`event type "${name}" is already registered`);
    const version = options.version ?? 1;
    assertVersion(version, name);
    this.events.set(name, { version, serde: (options.serde ?? jsonSerde) as PayloadSerde });
    return this;
  }

  /** `name` need not be a current event type: old names that were renamed keep only their upcasters. */
  registerUpcaster(name: string, fromVersion: number, upcaster: Upcaster): this {
    assertVersion(fromVersion, name);
    const key = upcasterKey(name, fromVersion);
    if (this.upcasters.has(key)) throw new Error(`an upcaster for "${name}" v${fromVersion} is already registered`);
    this.upcasters.set(key, upcaster);
    return this;
  }

  /** Registers a snapshot type at its current schema version; snapshots stored at any other version are ignored. */
  registerSnapshot(name: string, version = 1): this {
    if (this.snapshots.has(name)) throw new Error(`snapshot type "${name}" is already registered`);
    assertVersion(version, name);
    this.snapshots.set(name, version);
    return this;
  }

  serializeEvent(event: DomainEvent): SerializedPayload {
    const type = this.eventType(event.name);
    return { name: event.name, version: type.version, data: type.serde.toJson(event.payload) };
  }

  /**
   * Brings a stored payload up to the current schema through the upcaster chain, then decodes it. The result keeps
   * the stored id, time and metadata so handlers and projections see the event as it happened.
   */
  deserializeEvent(stored: SerializedPayload & { id: string; occurredAt: Date; metadata: Record<string, string> }): DomainEvent {
    let { name, version, data } = stored;
    for (;;) {
      const current = this.events.get(name);
      if (current?.version === version) {
        const payload = current.serde.fromJson(data);
        return Object.freeze({ id: stored.id, name, payload, occurredAt: stored.occurredAt, metadata: Object.freeze({ ...stored.metadata }) });
      }
      const upcaster = this.upcasters.get(upcasterKey(name, version));
      if (!upcaster) {
        if (!current) throw new UnknownEventTypeError(name);
        throw new EventSchemaError(
          version > current.version
            ? `event "${name}" is stored at v${version}, newer than this code's v${current.version}`
            : `event "${name}" is stored at v${version} and no upcaster brings it to v${current.version}`,
        );
      }
      // Each step raises the version, so the chain ends even when upcasters rename events back and forth.
      const next = upcaster(data);
      name = next.name ?? name;
      data = next.data;
      version += 1;
    }
  }

  /** Checks a snapshot an aggregate produced: writing an unregistered or outdated type is a bug. */
  assertCurrentSnapshot(snapshot: Snapshot): void {
    if (!this.isCurrentSnapshot(snapshot.name, snapshot.version)) {
      const current = this.snapshots.get(snapshot.name);
      throw new EventSchemaError(
        current === undefined
          ? `snapshot type "${snapshot.name}" is not registered`
          : `snapshot "${snapshot.name}" v${snapshot.version} is not the current v${current}`,
      );
    }
  }

  isCurrentSnapshot(name: string, version: number): boolean {
    return this.snapshots.get(name) === version;
  }

  private eventType(name: string): EventType {
    const type = this.events.get(name);
    if (!type) throw new UnknownEventTypeError(name);
    return type;
  }
}

function upcasterKey(name: string, version: number): string {
  return `${name}@${version}`;
}

function assertVersion(version: number, name: string): void {
  if (!Number.isInteger(version) || version < 1) throw new Error(`"${name}": schema version must be an integer ≥ 1, got ${version}`);
}
