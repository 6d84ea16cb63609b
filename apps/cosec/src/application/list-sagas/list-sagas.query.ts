import { Query } from '@nestjs/cqrs';
import type { SagaStatus } from '@mallbots/sec';
import type { SagaSummary } from '../saga-summary.js';

/** Most recently changed first, e.g. every `failed` saga waiting for an operator. */
export class ListSagasQuery extends Query<SagaSummary[]> {
  constructor(
    readonly status?: SagaStatus,
    readonly limit?: number,
  ) {
    super();
  }
}
