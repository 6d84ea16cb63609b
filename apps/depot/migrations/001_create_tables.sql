-- Depot's tables (reference-behaviour §3.4, §7.3). The inbox, outbox and dead letters come from the platform's library
-- migrations.
--
-- Differences from the reference:
-- * stops are jsonb (the reference kept JSON in a bytea column), so an operator can read them;
-- * one list per order (unique order_id): one bot trip per order (G05), and a re-sent CreateShoppingList finds the
--   list it already made instead of making a second one;
-- * `version` is the optimistic lock (the reference had none);
-- * the (status, created_at) index serves the bots' "which lists are available" query, oldest first.
CREATE TABLE shopping_lists (
  id              text        PRIMARY KEY,
  order_id        text        NOT NULL UNIQUE,
  stops           jsonb       NOT NULL,
  assigned_bot_id text        NOT NULL DEFAULT '',
  status          text        NOT NULL CHECK (status IN ('pending', 'available', 'assigned', 'active', 'completed', 'canceled')),
  version         integer     NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shopping_lists_status_idx ON shopping_lists (status, created_at);

-- The local copies of Stores' data a list needs (G08, N03, N04): stores with their location, products without a
-- price. `source` says who wrote the row: 'event' (Stores' events, authoritative) or 'fallback' (a GetStore/GetProduct
-- answer on a cache miss); the first event for a row a fallback wrote replaces it. A removed product stays as a
-- tombstone, so a late ProductAdded or a fallback cannot bring it back.
CREATE TABLE stores_cache (
  id         text        PRIMARY KEY,
  name       text        NOT NULL,
  location   text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('event', 'fallback')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products_cache (
  id         text        PRIMARY KEY,
  store_id   text        NOT NULL,
  name       text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('event', 'fallback')),
  removed    boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
