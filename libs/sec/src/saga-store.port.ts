/**
 * - running: going forward, waiting for the reply to the current step's action.
 * - compensating: going backwards, waiting for the reply to the current step's compensation.
 * - completed: every action succeeded.
 * - compensated: an action failed (or timed out) and every earlier compensation succeeded.
 * - failed: a compensation kept failing (or could not be built); needs an operator (fixes #30).
 */
export type SagaStatus = 'running' | 'compensating' | 'completed' | 'compensated' | 'failed';

/** One saga instance as persisted (one `sagas` row). */
export interface SagaInstance<Data = unknown> {
  readonly id: string;
  readonly name: string;
  /** JSON-serialisable saga data (stored as jsonb). */
  readonly data: Data;
  /** Index of the step whose command is outstanding; after done, the last step that ran (−1 if none). */
  readonly step: number;
  readonly compensating: boolean;
  readonly done: boolean;
  readonly status: SagaStatus;
  /** When the outstanding command times out; null once done. */
  readonly deadlineAt: Date | null;
  /** Number of the current send of the step's command (compensations are retried, fixes #30); never reused within a step. */
  readonly attempts: number;
  /**
   * The attempt the retry budget counts from: 1 for a new step, the first attempt after an operator's resume. Attempt
   * numbers keep growing across a resume so replies to the sends before it can never match again.
   */
  readonly attemptBudgetFrom: number;
  /** Why the saga compensated or failed: the participant's REPLY_ERROR, a timeout or a command that could not be built. */
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface SagaListFilter {
  status?: SagaStatus;
  /** Default 100. */
  limit?: number;
}

/**
 * Persistence of saga instances. Every method runs on the caller's transaction (the TransactionRunner's executor);
 * the locking methods are meaningful only inside one.
 */
export interface SagaStore {
  /** Inserts a new instance; false (and nothing written) when (name, id) already exists. */
  insert(saga: SagaInstance): Promise<boolean>;
  /** Loads and row-locks an instance so concurrent replies for one saga serialize. */
  loadForUpdate(name: string, id: string): Promise<SagaInstance | undefined>;
  /** Overwrites the mutable columns of an existing instance. */
  update(saga: SagaInstance): Promise<void>;
  get(name: string, id: string): Promise<SagaInstance | undefined>;
  /** Most recently updated first. */
  list(name: string, filter?: SagaListFilter): Promise<SagaInstance[]>;
  /**
   * Locks up to `limit` active instances whose deadline is at or before `now`, skipping rows another transaction
   * holds, so concurrent sweepers (and a reply being handled) never process the same saga twice.
   */
  claimExpired(name: string, now: Date, limit: number): Promise<SagaInstance[]>;
}
