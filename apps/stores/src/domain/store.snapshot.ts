import type { Snapshot } from '@mallbots/es';

/**
 * The Store snapshot, schema version 1 (reference `stores.StoreV1`, M07). A snapshot is a cache of the stream:
 * when this shape changes, add `stores.StoreV2` and register it instead; stored V1 snapshots are then ignored and
 * the stores rebuilt from their events.
 */
export const StoreSnapshotName = 'stores.StoreV1';
export const StoreSnapshotVersion = 1;

export interface StoreV1 {
  readonly name: string;
  readonly location: string;
  readonly participating: boolean;
}

export function toStoreSnapshot(data: StoreV1): Snapshot {
  return { name: StoreSnapshotName, version: StoreSnapshotVersion, data: { name: data.name, location: data.location, participating: data.participating } };
}

/** The repository restores only current snapshots, so any other type here is a wiring bug. */
export function fromStoreSnapshot(snapshot: Snapshot): StoreV1 {
  if (snapshot.name !== StoreSnapshotName || snapshot.version !== StoreSnapshotVersion) {
    throw new Error(`stores.Store cannot restore snapshot ${snapshot.name} v${snapshot.version}`);
  }
  const data = snapshot.data as Partial<StoreV1> | null;
  if (typeof data?.name !== 'string' || typeof data.location !== 'string' || typeof data.participating !== 'boolean') {
    throw new TypeError(`${StoreSnapshotName}: malformed data ${JSON.stringify(snapshot.data)}`);
  }
  return { name: data.name, location: data.location, participating: data.participating };
}
