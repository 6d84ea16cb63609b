-- The saga row (libs/sec's `sagas`, created by the platform before this file) keeps only the latest state. Operators
-- also need the way there: one row per transition, written in the transaction that changes the saga, so the history
-- never disagrees with the row. A saga makes at most a dozen transitions (five actions, two compensations, retries).
CREATE TABLE saga_history (
  seq          bigserial   PRIMARY KEY,
  saga_name    text        NOT NULL,
  saga_id      text        NOT NULL,
  step         integer     NOT NULL,
  compensating boolean     NOT NULL,
  status       text        NOT NULL,
  attempt      integer     NOT NULL,
  -- The command sent at this transition; NULL when the saga ended with it.
  command      text        NULL,
  error        text        NULL,
  at           timestamptz NOT NULL
);
CREATE INDEX saga_history_saga_idx ON saga_history (saga_name, saga_id, seq);
