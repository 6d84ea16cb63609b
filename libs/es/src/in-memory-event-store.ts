import { duplicateEvent, streamConflict, type EventStore, type NewEvent, type StoredEvent } from './event-store.port.js';
import { toJson } from './json.js';

/**
 * EventStore with PgEventStore's semantics (same contract suite) for application tests. It does not take part in
 * transactions: an append is not undone when the surrounding TransactionRunner.run fails.
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly eventIds = new Set<string>();

  async append(streamName: string, streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<number> {
    if (events.length === 0) return expectedVersion;
    const stream = this.streams.get(key(streamName, streamId)) ?? [];
    if (stream.length !== expectedVersion) throw streamConflict(streamName, streamId, expectedVersion, stream.length);
    const ids = new Set<string>();
    for (const { eventId } of events) {
      if (this.eventIds.has(eventId) || ids.has(eventId)) throw duplicateEvent(streamName, streamId);
      ids.add(eventId);
    }
    const stored = events.map((event, i) => ({
      ...event,
      data: toJson(event.data),
      metadata: { ...event.metadata },
      occurredAt: new Date(event.occurredAt),
      streamName,
      streamId,
      streamVersion: expectedVersion + i + 1,
    }));
    this.streams.set(key(streamName, streamId), [...stream, ...stored]);
    for (const id of ids) this.eventIds.add(id);
    return expectedVersion + events.length;
  }

  async load(streamName: string, streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    const stream = this.streams.get(key(streamName, streamId)) ?? [];
    // Copies, so a caller mutating what it loaded cannot change the "stored" events.
    return stream.slice(Math.max(0, afterVersion)).map((event) => ({ ...event, data: toJson(event.data), metadata: { ...event.metadata }, occurredAt: new Date(event.occurredAt) }));
  }
}

function key(streamName: string, streamId: string): string {
  return `${streamName}\u0000${streamId}`;
}
