import { toJson } from './json.js';
import type { SnapshotRecord, SnapshotStore } from './snapshot-store.port.js';

/** SnapshotStore with PgSnapshotStore's semantics (same contract suite) for application tests; not transactional. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, SnapshotRecord>();

  async load(streamName: string, streamId: string): Promise<SnapshotRecord | undefined> {
    const snapshot = this.snapshots.get(key(streamName, streamId));
    return snapshot && { ...snapshot, data: toJson(snapshot.data) };
  }

  async save(streamName: string, streamId: string, snapshot: SnapshotRecord): Promise<void> {
    const stored = this.snapshots.get(key(streamName, streamId));
    if (stored && stored.streamVersion > snapshot.streamVersion) return;
    this.snapshots.set(key(streamName, streamId), { streamVersion: snapshot.streamVersion, name: snapshot.name, version: snapshot.version, data: toJson(snapshot.data) });
  }
}

function key(streamName: string, streamId: string): string {
  return `${streamName}\u0000${streamId}`;
}
