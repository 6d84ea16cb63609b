import type { Snapshot } from './event-sourced-aggregate.js';

/** A snapshot as stored: the aggregate's state at `streamVersion`. */
export interface SnapshotRecord extends Snapshot {
  readonly streamVersion: number;
}

/** One snapshot per stream (M07). A snapshot is a cache of the events: losing it only costs a full replay. */
export interface SnapshotStore {
  load(streamName: string, streamId: string): Promise<SnapshotRecord | undefined>;
  /** Upserts the stream's snapshot unless the stored one is newer (a slow writer must not roll the cache back). */
  save(streamName: string, streamId: string, snapshot: SnapshotRecord): Promise<void>;
}
