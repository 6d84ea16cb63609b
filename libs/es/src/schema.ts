/**
 * DDL for the event store and snapshot store. Services put it in their own migrations; tables are unqualified so the
 * migration's search_path (or the service's own database) decides the schema (reference-behaviour §7.2–7.4).
 *
 * Differences from the reference: JSONB instead of bytea (queryable when debugging), the event's schema version and
 * metadata are stored (upcasting needs the version; correlation ids survive a reload), event ids are unique, and
 * snapshots record their schema version.
 */
export const esSchemaSql = `
CREATE TABLE IF NOT EXISTS events (
  stream_id      text        NOT NULL,
  stream_name    text        NOT NULL,
  stream_version int         NOT NULL CHECK (stream_version > 0),
  event_id       text        NOT NULL,
  event_name     text        NOT NULL,
  event_version  int         NOT NULL,
  event_data     jsonb       NOT NULL,
  metadata       jsonb       NOT NULL DEFAULT '{}',
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_pkey PRIMARY KEY (stream_id, stream_name, stream_version),
  CONSTRAINT events_event_id_key UNIQUE (event_id)
);

CREATE TABLE IF NOT EXISTS snapshots (
  stream_id        text        NOT NULL,
  stream_name      text        NOT NULL,
  stream_version   int         NOT NULL,
  snapshot_name    text        NOT NULL,
  snapshot_version int         NOT NULL,
  snapshot_data    jsonb       NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT snapshots_pkey PRIMARY KEY (stream_id, stream_name)
);
`;
