-- The read models of the stores context (reference-behaviour §3.1, §7.3), projected in-process from the Store and
-- Product event streams in the same transaction as the events (the `events` and `snapshots` tables come from the
-- platform's library migrations). Both are caches of the streams: they can be rebuilt by replaying the events.

-- The "mall": every store, and which of them take part in the kiosk (GetStores, GetParticipatingStores, GetStore).
CREATE TABLE stores (
  id            text        PRIMARY KEY,
  name          text        NOT NULL,
  location      text        NOT NULL,
  participating boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX participating_stores_idx ON stores (created_at, id) WHERE participating;

-- The "catalog": the products on sale (GetCatalog, GetProduct). Removed products are deleted from it; their streams
-- stay. Prices are exact integer cents (the reference's decimal(9,4) fed from float64 drifted, §14.4 item 39).
CREATE TABLE products (
  id          text        PRIMARY KEY,
  store_id    text        NOT NULL,
  name        text        NOT NULL,
  description text        NOT NULL,
  sku         text        NOT NULL,
  price_cents bigint      NOT NULL CHECK (price_cents >= 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX store_products_idx ON products (store_id, created_at, id);
