-- Customers as a plain table (reference-behaviour §3.3, §7.3): not event sourced. `version` is the optimistic lock.
CREATE TABLE customers (
  id         text        PRIMARY KEY,
  name       text        NOT NULL,
  sms_number text        NOT NULL,
  enabled    boolean     NOT NULL,
  version    integer     NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
