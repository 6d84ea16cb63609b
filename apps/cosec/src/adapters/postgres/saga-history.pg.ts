import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import type { SagaInstance, SagaListFilter, SagaStatus, SagaStore } from '@mallbots/sec';
import type { SagaHistory, SagaHistoryEntry } from '../../application/ports/saga-history.port.js';

interface HistoryRow {
  step: number;
  compensating: boolean;
  status: SagaStatus;
  attempt: number;
  command: string | null;
  error: string | null;
  at: Date;
}

/** `saga_history` (migrations/001), through the executor of the caller's transaction. */
export class PgSagaHistory implements SagaHistory {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sagaName: string,
  ) {}

  async record(saga: SagaInstance, command: string | undefined): Promise<void> {
    await this.tx.executor().query(
      prepared(`INSERT INTO saga_history (saga_name, saga_id, step, compensating, status, attempt, command, error, at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`),
      [saga.name, saga.id, saga.step, saga.compensating, saga.status, saga.attempts, command ?? null, saga.lastError, saga.updatedAt],
    );
  }

  async of(sagaId: string): Promise<SagaHistoryEntry[]> {
    const { rows } = await this.tx.executor().query<HistoryRow>(
      prepared('SELECT step, compensating, status, attempt, command, error, at FROM saga_history WHERE saga_name = $1 AND saga_id = $2 ORDER BY seq'),
      [this.sagaName, sagaId],
    );
    return rows;
  }
}

/**
 * A SagaStore that also appends every state the orchestrator writes to the history, in the same transaction (a
 * decorator: libs/sec knows nothing of it). `commandOf` names the command the new state waits for.
 */
export class HistoryRecordingSagaStore implements SagaStore {
  constructor(
    private readonly inner: SagaStore,
    private readonly history: PgSagaHistory,
    private readonly commandOf: (saga: SagaInstance) => string | undefined,
  ) {}

  async insert(saga: SagaInstance): Promise<boolean> {
    const inserted = await this.inner.insert(saga);
    if (inserted) await this.history.record(saga, this.commandOf(saga));
    return inserted;
  }

  async update(saga: SagaInstance): Promise<void> {
    await this.inner.update(saga);
    await this.history.record(saga, this.commandOf(saga));
  }

  loadForUpdate(name: string, id: string): Promise<SagaInstance | undefined> {
    return this.inner.loadForUpdate(name, id);
  }

  get(name: string, id: string): Promise<SagaInstance | undefined> {
    return this.inner.get(name, id);
  }

  list(name: string, filter?: SagaListFilter): Promise<SagaInstance[]> {
    return this.inner.list(name, filter);
  }

  claimExpired(name: string, now: Date, limit: number): Promise<SagaInstance[]> {
    return this.inner.claimExpired(name, now, limit);
  }
}
