-- The order search read model and the name caches it is built from (reference-behaviour §3.8, §6; requirements
-- I03, I04, I07). The inbox, outbox and dead-letter tables come from the platform's library migrations.
--
-- Differences from the reference's tables:
-- * total_cents: the exact total (Σ price × quantity in integer cents) the total-range filter compares; the
--   reference had no total column and used floats (§14.4 item 39);
-- * items is jsonb (lines with names and integer-cent prices), where the reference put JSON into bytea;
-- * status is ordering's vocabulary; status_rank is its position in the lifecycle, so an event that arrives late
--   can never move an order backwards (O10);
-- * created_at is the OrderCreated event's time (the reference wrote the zero time, §14.1 item 13). It is NULL on
--   a placeholder: a row a status event created before OrderCreated arrived. Placeholders are never query results.
-- Text columns stay lenient (text, not uuid or enum), as the book recommends for data owned by other contexts.
CREATE TABLE orders (
  order_id      text        PRIMARY KEY,
  customer_id   text        NOT NULL DEFAULT '',
  customer_name text        NOT NULL DEFAULT '',
  payment_id    text        NOT NULL DEFAULT '',
  items         jsonb       NOT NULL DEFAULT '[]',
  total_cents   bigint      NOT NULL DEFAULT 0,
  status        text        NOT NULL,
  status_rank   smallint    NOT NULL,
  product_ids   text[]      NOT NULL DEFAULT '{}',
  store_ids     text[]      NOT NULL DEFAULT '{}',
  created_at    timestamptz NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Paging order (newest first, order id breaking ties) and the filters (X04: GIN for the id arrays).
CREATE INDEX orders_page_idx ON orders (created_at DESC, order_id DESC) WHERE created_at IS NOT NULL;
CREATE INDEX orders_customer_idx ON orders (customer_id, created_at DESC, order_id DESC);
CREATE INDEX orders_status_idx ON orders (status, created_at DESC, order_id DESC) WHERE created_at IS NOT NULL;
CREATE INDEX orders_total_idx ON orders (total_cents) WHERE created_at IS NOT NULL;
CREATE INDEX orders_store_ids_idx ON orders USING gin (store_ids);
CREATE INDEX orders_product_ids_idx ON orders USING gin (product_ids);

-- `source`: 'event' rows come from the owning context's events and are authoritative; 'fallback' rows were cached
-- from a gRPC answer on a miss and are replaced by the first event for the same id.
CREATE TABLE customers_cache (
  id         text        PRIMARY KEY,
  name       text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('event', 'fallback')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stores_cache (
  id         text        PRIMARY KEY,
  name       text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('event', 'fallback')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A removed product keeps its row (`removed`): an order placed before the removal may be projected after it.
CREATE TABLE products_cache (
  id         text        PRIMARY KEY,
  store_id   text        NOT NULL,
  name       text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('event', 'fallback')),
  removed    boolean     NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
