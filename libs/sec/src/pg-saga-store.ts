import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import type { SagaInstance, SagaListFilter, SagaStatus, SagaStore } from './saga-store.port.js';

interface SagaRow {
  name: string;
  id: string;
  data: unknown;
  step: number;
  compensating: boolean;
  done: boolean;
  status: SagaStatus;
  deadline_at: Date | null;
  attempts: number;
  attempt_budget_from: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'name, id, data, step, compensating, done, status, deadline_at, attempts, last_error, attempt_budget_from, created_at, updated_at';

/** SagaStore on the `sagas` table (secSchemaSql), through the executor of the caller's transaction. */
export class PgSagaStore implements SagaStore {
  constructor(private readonly tx: TransactionRunner) {}

  async insert(saga: SagaInstance): Promise<boolean> {
    // ON CONFLICT: a redelivered trigger (or two racing ones) must not start the saga twice; the loser waits on
    // the primary key until the winner commits and then writes nothing.
    const result = await this.tx.executor().query(
      prepared(`INSERT INTO sagas (${COLUMNS}) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (name, id) DO NOTHING`),
      [...stateValues(saga), saga.createdAt, saga.updatedAt],
    );
    return result.rowCount === 1;
  }

  async loadForUpdate(name: string, id: string): Promise<SagaInstance | undefined> {
    const { rows } = await this.tx.executor().query<SagaRow>(prepared(`SELECT ${COLUMNS} FROM sagas WHERE name = $1 AND id = $2 FOR UPDATE`), [name, id]);
    return rows[0] && toInstance(rows[0]);
  }

  async update(saga: SagaInstance): Promise<void> {
    const result = await this.tx.executor().query(
      prepared(`UPDATE sagas SET data = $3::jsonb, step = $4, compensating = $5, done = $6, status = $7, deadline_at = $8,
              attempts = $9, last_error = $10, attempt_budget_from = $11, updated_at = $12
        WHERE name = $1 AND id = $2`),
      [...stateValues(saga), saga.updatedAt],
    );
    if (result.rowCount !== 1) throw new Error(`saga ${saga.name}/${saga.id} does not exist`);
  }

  async get(name: string, id: string): Promise<SagaInstance | undefined> {
    const { rows } = await this.tx.executor().query<SagaRow>(prepared(`SELECT ${COLUMNS} FROM sagas WHERE name = $1 AND id = $2`), [name, id]);
    return rows[0] && toInstance(rows[0]);
  }

  async list(name: string, filter: SagaListFilter = {}): Promise<SagaInstance[]> {
    const { rows } = await this.tx.executor().query<SagaRow>(
      prepared(`SELECT ${COLUMNS} FROM sagas WHERE name = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY updated_at DESC, id LIMIT $3`),
      [name, filter.status ?? null, filter.limit ?? 100],
    );
    return rows.map(toInstance);
  }

  async claimExpired(name: string, now: Date, limit: number): Promise<SagaInstance[]> {
    const { rows } = await this.tx.executor().query<SagaRow>(
      prepared(`SELECT ${COLUMNS} FROM sagas
        WHERE name = $1 AND NOT done AND deadline_at <= $2
        ORDER BY deadline_at LIMIT $3
        FOR UPDATE SKIP LOCKED`),
      [name, now, limit],
    );
    return rows.map(toInstance);
  }
}

function toInstance(row: SagaRow): SagaInstance {
  return {
    id: row.id,
    name: row.name,
    data: row.data,
    step: row.step,
    compensating: row.compensating,
    done: row.done,
    status: row.status,
    deadlineAt: row.deadline_at,
    attempts: row.attempts,
    attemptBudgetFrom: row.attempt_budget_from,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** $1–$11 of both the insert and the update: the key and the state that changes as the saga runs. */
function stateValues(saga: SagaInstance): unknown[] {
  return [saga.name, saga.id, JSON.stringify(saga.data), saga.step, saga.compensating, saga.done, saga.status, saga.deadlineAt, saga.attempts, saga.lastError, saga.attemptBudgetFrom];
}
