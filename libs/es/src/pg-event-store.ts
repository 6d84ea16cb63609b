import { prepared, uniqueViolationConstraint, type SqlExecutor } from '@mallbots/tm/sql';
import type { Metadata } from '@mallbots/ddd';
import { duplicateEvent, streamConflict, type EventStore, type NewEvent, type StoredEvent } from './event-store.port.js';

/** Where the store gets its executor: a TransactionRunner fits, so appends join the caller's transaction (L05). */
export interface ExecutorSource {
  executor(): SqlExecutor;
}

/** Named in esSchemaSql so a duplicate event id is told apart from a lost concurrency race. */
const EVENT_ID_CONSTRAINT = 'events_event_id_key';

interface EventRow {
  stream_id: string;
  stream_name: string;
  stream_version: number;
  event_id: string;
  event_name: string;
  event_version: number;
  event_data: unknown;
  metadata: Metadata;
  occurred_at: Date;
}

const LOAD_EVENTS = prepared(
  `SELECT stream_id, stream_name, stream_version, event_id, event_name, event_version, event_data, metadata, occurred_at
     FROM events
    WHERE stream_id = $1 AND stream_name = $2 AND stream_version > $3
    ORDER BY stream_version`,
);

/** EventStore on the `events` table of `esSchemaSql` (M03). */
export class PgEventStore implements EventStore {
  constructor(private readonly db: ExecutorSource) {}

  /**
   * One statement for the whole batch (the reference's multi-row INSERT was broken for more than one event,
   * §14.5 item 42): a data-modifying CTE inserts every event only if the stream's head is still `expectedVersion`.
   * Two guards together give optimistic concurrency without gaps: the head check rejects a stale or too-new
   * expectedVersion seen at statement start, and the primary key rejects a writer that committed the same versions
   * while this statement ran (unique violation). Either way the caller gets a ConflictError and nothing is written.
   */
  async append(streamName: string, streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<number> {
    if (events.length === 0) return expectedVersion;
    const params: unknown[] = [streamId, streamName, expectedVersion];
    const values = events.map((event, i) => {
      const first = params.length + 1;
      params.push(expectedVersion + i + 1, event.eventId, event.eventName, event.eventVersion, JSON.stringify(event.data), JSON.stringify(event.metadata), event.occurredAt);
      const [v, id, name, ver, data, meta, at] = [0, 1, 2, 3, 4, 5, 6].map((offset) => `$${first + offset}`);
      return `(${v}::int, ${id}::text, ${name}::text, ${ver}::int, ${data}::jsonb, ${meta}::jsonb, ${at}::timestamptz)`;
    });
    const sql = `
      WITH head AS (
        SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1::text AND stream_name = $2::text
      ), appended AS (
        INSERT INTO events (stream_id, stream_name, stream_version, event_id, event_name, event_version, event_data, metadata, occurred_at)
        SELECT $1::text, $2::text, e.stream_version, e.event_id, e.event_name, e.event_version, e.event_data, e.metadata, e.occurred_at
          FROM (VALUES ${values.join(', ')}) AS e(stream_version, event_id, event_name, event_version, event_data, metadata, occurred_at)
         WHERE (SELECT version FROM head) = $3::int
        RETURNING 1
      )
      SELECT (SELECT version FROM head) AS head, (SELECT count(*) FROM appended)::int AS appended`;
    let result: { head: number; appended: number } | undefined;
    try {
      ({ rows: [result] } = await this.db.executor().query<{ head: number; appended: number }>(prepared(sql), params));
    } catch (err) {
      const constraint = uniqueViolationConstraint(err);
      if (constraint === undefined) throw err;
      if (constraint === EVENT_ID_CONSTRAINT) throw duplicateEvent(streamName, streamId, err);
      throw streamConflict(streamName, streamId, expectedVersion, undefined, err);
    }
    if (!result || result.appended !== events.length) throw streamConflict(streamName, streamId, expectedVersion, result?.head);
    return expectedVersion + events.length;
  }

  async load(streamName: string, streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    const { rows } = await this.db.executor().query<EventRow>(LOAD_EVENTS, [streamId, streamName, afterVersion]);
    return rows.map((row) => ({
      streamId: row.stream_id,
      streamName: row.stream_name,
      streamVersion: row.stream_version,
      eventId: row.event_id,
      eventName: row.event_name,
      eventVersion: row.event_version,
      data: row.event_data,
      metadata: row.metadata,
      occurredAt: row.occurred_at,
    }));
  }
}
