/**
 * DDL of the transactional-messaging tables (reference-behaviour §7.2, requirements Q04 Q05 O12). Unqualified
 * names: each service runs this in its own migration, in its own database/schema (search_path).
 *
 * Differences from the reference, and why:
 * - inbox is keyed by (consumer, message_id): two modules of one service consuming the same message must each
 *   process it; a global message-id key would make the second one skip it.
 * - outbox has a `seq` so the relay publishes in write order (#17: the reference had no ORDER BY). `seq` order is
 *   allocation order, not commit order, so a row can become visible after higher seqs were published. The relay
 *   scans from a *floor* (outbox_relay_state) below which every row is published, and moves the floor only past
 *   seqs whose transactions have provably ended (outbox_relay_tick). outbox_next_seq() gives the writing
 *   transaction its xid *before* the number, which is what makes that proof possible.
 * - No index mentions `published_at`, and the table keeps half of each page free (fillfactor 50): marking a row
 *   published is then a HOT update (new row version on the same page, no index entries), half the database work
 *   of a marking that touches indexes (docs/benchmarks.md, ADR 13). Retention finds old rows by `created_at`.
 * - message_failures keeps the error of every failed delivery, written outside the (rolled back) handler
 *   transaction, so the dead letter can carry the whole history even when deliveries hit different replicas.
 */
export const tmSchemaSql = `
CREATE TABLE IF NOT EXISTS inbox (
  consumer    text        NOT NULL,
  message_id  text        NOT NULL,
  name        text        NOT NULL,
  subject     text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, message_id)
);
CREATE INDEX IF NOT EXISTS inbox_received_at_idx ON inbox (received_at);

-- CACHE 1 (the default) is required: the relay reads the sequence's last value as "every number handed out".
CREATE SEQUENCE IF NOT EXISTS outbox_seq AS bigint CACHE 1;

-- The transaction's xid first, then the number: a transaction holding a seq is always visible as running in a
-- snapshot (pg_current_snapshot) taken after the number was handed out. nextval alone would assign no xid.
CREATE OR REPLACE FUNCTION outbox_next_seq() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('outbox_seq');
END $$;

CREATE TABLE IF NOT EXISTS outbox (
  seq          bigint      PRIMARY KEY DEFAULT outbox_next_seq(),
  id           text        NOT NULL UNIQUE,
  name         text        NOT NULL,
  subject      text        NOT NULL,
  payload      bytea       NOT NULL,
  headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  occurred_at  timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz NULL
) WITH (fillfactor = 50);
ALTER SEQUENCE outbox_seq OWNED BY outbox.seq;
CREATE INDEX IF NOT EXISTS outbox_created_at_idx ON outbox (created_at);

-- Every outbox row with seq < floor is published. Only the relay moves it up (compare-and-set on generation in
-- outbox_relay_tick); rows are republished with outbox_republish, which lowers it and bumps the generation, so a
-- floor the relay earned before the republish is never stored after it.
CREATE TABLE IF NOT EXISTS outbox_relay_state (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  floor      bigint  NOT NULL DEFAULT 0,
  generation bigint  NOT NULL DEFAULT 0
);
INSERT INTO outbox_relay_state DEFAULT VALUES ON CONFLICT DO NOTHING;

-- One round trip before each relay pass (all in one transaction, so in this order):
-- 1. settled: has every transaction that was running when checkpoint \`pending\` was taken ended? Then every row
--    with seq <= that checkpoint's seq_high is committed or gone for good, and visible to the pass that follows.
-- 2. a new checkpoint when there is none pending: seq_high = the last number handed out, read *before* this
--    transaction takes its own xid. A transaction holding a number <= seq_high took its xid before that number
--    (outbox_next_seq), so before this xid: once the snapshot's xmin passes this xid, it has ended.
-- 3. the floor the relay earned with its last pass (next_floor; stored only if the generation is still the one
--    the relay scanned under), then the floor to scan from now.
-- The commit is asynchronous: a lost floor update only makes the next relay scan a little more.
CREATE OR REPLACE FUNCTION outbox_relay_tick(used_generation bigint, next_floor bigint, pending xid8)
  RETURNS TABLE (scan_floor bigint, generation bigint, settled boolean, seq_high bigint, checkpoint_xid xid8)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  settled := pending IS NOT NULL AND pg_snapshot_xmin(pg_current_snapshot()) > pending;
  IF pending IS NULL OR settled THEN
    SELECT CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END INTO seq_high FROM outbox_seq s;
    checkpoint_xid := pg_current_xact_id();
  END IF;
  IF next_floor IS NOT NULL THEN
    UPDATE outbox_relay_state r SET floor = next_floor, generation = r.generation + 1
     WHERE r.generation = used_generation AND next_floor > r.floor;
  END IF;
  SELECT r.floor, r.generation INTO scan_floor, generation FROM outbox_relay_state r;
  RETURN NEXT;
END $$;

-- Publishes rows [from_seq, to_seq] again (e.g. after a stream was lost): unmarks them and lowers the floor. The
-- relay picks them up at its next pass (NOTIFY its channel, or wait for its poll).
CREATE OR REPLACE FUNCTION outbox_republish(from_seq bigint, to_seq bigint DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE n bigint;
BEGIN
  UPDATE outbox SET published_at = NULL WHERE seq >= from_seq AND (to_seq IS NULL OR seq <= to_seq) AND published_at IS NOT NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  UPDATE outbox_relay_state SET floor = LEAST(floor, from_seq), generation = generation + 1;
  RETURN n;
END $$;

CREATE TABLE IF NOT EXISTS dead_letters (
  consumer         text        NOT NULL,
  message_id       text        NOT NULL,
  name             text        NOT NULL,
  subject          text        NOT NULL,
  payload          bytea       NOT NULL,
  headers          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  occurred_at      timestamptz NOT NULL,
  errors           jsonb       NOT NULL DEFAULT '[]'::jsonb,
  dead_lettered_at timestamptz NOT NULL DEFAULT now(),
  replayed_at      timestamptz NULL,
  PRIMARY KEY (consumer, message_id)
);

CREATE TABLE IF NOT EXISTS message_failures (
  consumer   text        NOT NULL,
  message_id text        NOT NULL,
  attempt    int         NOT NULL,
  error      text        NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS message_failures_message_idx ON message_failures (consumer, message_id);
CREATE INDEX IF NOT EXISTS message_failures_at_idx ON message_failures (at);
`;
