-- Payments and invoices as plain tables (reference-behaviour §3.6, §7.3; requirements K09): not event sourced.
-- Money is exact integer cents (the reference's decimal(9,4) columns were fed from float64, §14.4 #39); the wire
-- keeps decimal numbers and the adapters convert. `version` is the optimistic lock, as in customers.

CREATE TABLE payments (
  id           text        PRIMARY KEY,
  customer_id  text        NOT NULL,
  amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
  version      integer     NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The payment id is stored (the reference dropped it, §14.4 #40). One invoice per order: the invoice id is the
-- order id, and the unique index keeps a second invoice for the same order out even if a future path chose
-- another id (a redelivered OrderReadied or a retried CreateInvoice finds the existing one instead).
CREATE TABLE invoices (
  id           text        PRIMARY KEY,
  order_id     text        NOT NULL,
  payment_id   text        NOT NULL,
  amount_cents bigint      NOT NULL CHECK (amount_cents >= 0),
  status       text        NOT NULL CHECK (status IN ('pending', 'paid', 'canceled')),
  version      integer     NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX invoices_order_id_idx ON invoices (order_id);
