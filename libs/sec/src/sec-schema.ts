/**
 * DDL of the saga table, unqualified so each service creates it in its own schema (its migrations set the
 * search_path). Idempotent. `done` is kept next to `status` for the reference's row shape (§5); the CHECK keeps
 * the two consistent.
 */
export const secSchemaSql = `
CREATE TABLE IF NOT EXISTS sagas (
  name         text        NOT NULL,
  id           text        NOT NULL,
  data         jsonb       NOT NULL,
  step         integer     NOT NULL,
  compensating boolean     NOT NULL,
  done         boolean     NOT NULL,
  status       text        NOT NULL CHECK (status IN ('running', 'compensating', 'completed', 'compensated', 'failed')),
  deadline_at  timestamptz NULL,
  attempts     integer     NOT NULL DEFAULT 0,
  attempt_budget_from integer NOT NULL DEFAULT 1,
  last_error   text        NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, id),
  CONSTRAINT sagas_done_matches_status CHECK (done = (status IN ('completed', 'compensated', 'failed')))
);
-- The timeout sweep scans only active sagas by deadline.
CREATE INDEX IF NOT EXISTS sagas_deadline_idx ON sagas (name, deadline_at) WHERE NOT done;
-- Operators list sagas by status (e.g. every failed one).
CREATE INDEX IF NOT EXISTS sagas_status_idx ON sagas (name, status, updated_at DESC);
`;
