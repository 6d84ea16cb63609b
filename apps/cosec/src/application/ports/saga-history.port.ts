import type { SagaStatus } from '@mallbots/sec';

/** One transition of a saga as recorded in the same transaction as the saga row: the state it reached. */
export interface SagaHistoryEntry {
  readonly at: Date;
  readonly step: number;
  readonly compensating: boolean;
  readonly status: SagaStatus;
  readonly attempt: number;
  /** The command sent at this transition; null when the saga ended. */
  readonly command: string | null;
  /** Why the saga compensated or failed, as it stood after this transition. */
  readonly error: string | null;
}

/** The saga row holds only the latest state; operators also need the way it got there. */
export interface SagaHistory {
  /** Oldest first. */
  of(sagaId: string): Promise<SagaHistoryEntry[]>;
}

export const SAGA_HISTORY = Symbol.for('cosec.SagaHistory');
