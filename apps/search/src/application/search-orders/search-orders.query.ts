import { Query } from '@nestjs/cqrs';
import type { OrderRecord, SearchRequest } from '../../domain/index.js';

export interface SearchOrdersResult {
  readonly orders: readonly OrderRecord[];
  /** Cursor of the following page; '' when this is the last one. */
  readonly next: string;
}

export class SearchOrdersQuery extends Query<SearchOrdersResult> {
  constructor(readonly request: SearchRequest) {
    super();
  }
}
