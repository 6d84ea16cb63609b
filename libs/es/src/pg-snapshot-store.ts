import { prepared } from '@mallbots/tm/sql';
import type { ExecutorSource } from './pg-event-store.js';
import type { SnapshotRecord, SnapshotStore } from './snapshot-store.port.js';

interface SnapshotRow {
  stream_version: number;
  snapshot_name: string;
  snapshot_version: number;
  snapshot_data: unknown;
}

/** SnapshotStore on the `snapshots` table of `esSchemaSql`: one row per stream, upserted (M07). */
export class PgSnapshotStore implements SnapshotStore {
  constructor(private readonly db: ExecutorSource) {}

  async load(streamName: string, streamId: string): Promise<SnapshotRecord | undefined> {
    const { rows } = await this.db.executor().query<SnapshotRow>(
      prepared(`SELECT stream_version, snapshot_name, snapshot_version, snapshot_data FROM snapshots WHERE stream_id = $1 AND stream_name = $2`),
      [streamId, streamName],
    );
    const row = rows[0];
    return row && { streamVersion: row.stream_version, name: row.snapshot_name, version: row.snapshot_version, data: row.snapshot_data };
  }

  async save(streamName: string, streamId: string, snapshot: SnapshotRecord): Promise<void> {
    await this.db.executor().query(
      prepared(`INSERT INTO snapshots (stream_id, stream_name, stream_version, snapshot_name, snapshot_version, snapshot_data, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, now())
       ON CONFLICT (stream_id, stream_name) DO UPDATE
          SET stream_version = excluded.stream_version, snapshot_name = excluded.snapshot_name,
              snapshot_version = excluded.snapshot_version, snapshot_data = excluded.snapshot_data, updated_at = now()
        WHERE snapshots.stream_version <= excluded.stream_version`),
      [streamId, streamName, snapshot.streamVersion, snapshot.name, snapshot.version, JSON.stringify(snapshot.data)],
    );
  }
}
