import type { SagaInstance, SagaStatus } from '@mallbots/sec';
import type { CreateOrderData } from '../domain/index.js';

/** A saga's current state as operators read it (the row, without libs/sec's bookkeeping of retry budgets). */
export interface SagaSummary {
  readonly id: string;
  readonly name: string;
  readonly status: SagaStatus;
  readonly step: number;
  readonly compensating: boolean;
  readonly done: boolean;
  /** Send number of the outstanding command (compensations are retried). */
  readonly attempts: number;
  /** When the outstanding command times out; null once done. */
  readonly deadlineAt: Date | null;
  /** Why the saga compensated or failed. */
  readonly lastError: string | null;
  readonly data: CreateOrderData;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toSagaSummary(saga: SagaInstance<CreateOrderData>): SagaSummary {
  const { id, name, status, step, compensating, done, attempts, deadlineAt, lastError, data, createdAt, updatedAt } = saga;
  return { id, name, status, step, compensating, done, attempts, deadlineAt, lastError, data, createdAt, updatedAt };
}
