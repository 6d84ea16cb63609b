-- Notifications' tables (reference-behaviour §3.7; requirements H01, H03). The inbox, outbox and dead-letter tables
-- come first from the platform's library migrations.

-- The local copy of Customers' data it needs (ECST). Unlike the reference's (id, name, sms_number):
-- * name and sms_number may be NULL: an out-of-order CustomerSmsChanged or CustomerDisabled can arrive before the
--   CustomerRegistered it follows, and is kept rather than lost;
-- * sms_number_at / enabled_at are when the fact that set the column happened (the event's occurred_at, or the time
--   of a GetCustomer fallback), so an older fact never overwrites a newer one (last writer wins per column);
-- * `source` says who wrote the row last: 'event' or 'fallback'.
CREATE TABLE customers_cache (
  id            text        PRIMARY KEY,
  name          text,
  sms_number    text,
  sms_number_at timestamptz,
  enabled       boolean,
  enabled_at    timestamptz,
  source        text        NOT NULL CHECK (source IN ('event', 'fallback')),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Every notification: what was (or will be) texted, to which number, why, and what the provider answered. One per
-- order and kind — the unique key is what makes a duplicate event, a re-published event or a gRPC Notify* for the
-- same order send nothing twice. Rows are written `pending` in the message's (or call's) transaction and sent by
-- the SMS dispatcher after the commit.
CREATE TABLE notifications (
  id              uuid        PRIMARY KEY,
  order_id        text        NOT NULL,
  customer_id     text        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('order_created', 'order_ready', 'order_canceled', 'order_rejected')),
  sms_number      text        NOT NULL,
  text            text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('pending', 'sent', 'suppressed', 'failed')),
  event_id        text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  sms_id          text,
  attempts        integer     NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL,
  CONSTRAINT notifications_order_kind UNIQUE (order_id, kind)
);

-- The dispatcher's queue: only pending rows are indexed, so the index stays as small as the backlog.
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
-- The operator's lookups (by order: the unique key serves).
CREATE INDEX notifications_by_customer ON notifications (customer_id, created_at DESC);
