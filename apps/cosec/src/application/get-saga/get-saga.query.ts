import { Query } from '@nestjs/cqrs';
import type { SagaHistoryEntry } from '../ports/saga-history.port.js';
import type { SagaSummary } from '../saga-summary.js';

/** A saga as an operator sees it: where it is, what it waits for, why it compensated, and how it got there. */
export interface SagaView extends SagaSummary {
  /** The command whose reply the saga waits for; null once done. */
  readonly awaiting: string | null;
  /** Oldest first. */
  readonly history: readonly SagaHistoryEntry[];
}

export class GetSagaQuery extends Query<SagaView> {
  constructor(readonly orderId: string) {
    super();
  }
}
