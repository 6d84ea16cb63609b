import { ConflictError, type Metadata } from '@mallbots/ddd';

/** An event ready to be appended: its payload is already serialised (JSON) at schema version `eventVersion`. */
export interface NewEvent {
  readonly eventId: string;
  readonly eventName: string;
  readonly eventVersion: number;
  readonly data: unknown;
  readonly metadata: Metadata;
  readonly occurredAt: Date;
}

export interface StoredEvent extends NewEvent {
  readonly streamName: string;
  readonly streamId: string;
  readonly streamVersion: number;
}

/**
 * Append-only event streams (M03). Neither method can change or delete an event: erasure (GDPR, M09) needs a
 * dedicated tool, see the README.
 */
export interface EventStore {
  /**
   * Appends `events` as versions expectedVersion + 1, + 2, … atomically (all or none) and returns the new stream
   * version. Throws ddd ConflictError when the stream is not at `expectedVersion` (optimistic concurrency: another
   * writer won) or an event id is already stored. Appending nothing is a no-op.
   */
  append(streamName: string, streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<number>;
  /** The stream's events with a version greater than `afterVersion` (default 0), oldest first. */
  load(streamName: string, streamId: string, afterVersion?: number): Promise<StoredEvent[]>;
}

/** The one message for a lost optimistic-concurrency race, whichever store detected it (§14.5 item 43). */
export function streamConflict(streamName: string, streamId: string, expectedVersion: number, actualVersion?: number, cause?: unknown): ConflictError {
  const actual = actualVersion === undefined ? '' : ` but it is at version ${actualVersion}`;
  return new ConflictError(`stream ${streamName}/${streamId} changed concurrently: expected version ${expectedVersion}${actual}`, [], { cause });
}

export function duplicateEvent(streamName: string, streamId: string, cause?: unknown): ConflictError {
  return new ConflictError(`stream ${streamName}/${streamId}: an event with the same id is already stored`, [], { cause });
}
