/**
 * DDL of the transactional-messaging tables (reference-behaviour §7.2, requirements Q04 Q05 O12). Unqualified
 * names: each service runs this in its own migration, in its own database/schema (search_path).
 *
 * Differences from the reference, and why:
 * - inbox is keyed by (consumer, message_id): two modules of one service consuming the same message must each
 *   process it; a global message-id key would make the second one skip it.
 * - outbox has a `seq` bigserial so the relay publishes in write order (#17: the reference had no ORDER BY).
 *   `seq` order is allocation order, not commit order; the relay therefore selects `published_at IS NULL`
 *   (never "seq > high-water mark"), so a row whose transaction commits late is still found.
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

CREATE TABLE IF NOT EXISTS outbox (
  seq          bigserial   PRIMARY KEY,
  id           text        NOT NULL UNIQUE,
  name         text        NOT NULL,
  subject      text        NOT NULL,
  payload      bytea       NOT NULL,
  headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  occurred_at  timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz NULL
);
CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

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
