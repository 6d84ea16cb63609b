-- The local copies of Stores' data a basket line needs (reference-behaviour §3.2, §6; requirements C13, N03, N04).
-- The events and snapshots tables of the Basket stream come from the platform's library migrations (000_es).
--
-- Differences from the reference's tables:
-- * prices are exact integer cents (price_cents), never float or decimal(9,4) arithmetic (§14.4 item 39);
-- * `source` says who wrote the row: 'event' (the Stores events, authoritative and applied in order) or 'fallback'
--   (a GetStore/GetProduct answer on a cache miss). The first Stores event for a row a fallback wrote replaces it,
--   so the price deltas that follow land on the price they were computed from, instead of being added twice;
-- * a removed product stays as a tombstone (`removed`), so it cannot be added to a basket again and a late or
--   redelivered ProductAdded cannot bring it back (§14.4 item 36).
CREATE TABLE stores_cache (
  id         text        PRIMARY KEY,
  name       text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('event', 'fallback')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products_cache (
  id          text        PRIMARY KEY,
  store_id    text        NOT NULL,
  name        text        NOT NULL,
  price_cents bigint      NOT NULL,
  source      text        NOT NULL CHECK (source IN ('event', 'fallback')),
  removed     boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
