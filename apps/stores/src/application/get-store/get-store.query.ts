import { Query } from '@nestjs/cqrs';
import type { StoreView } from '../ports/mall.repository.port.js';

export class GetStoreQuery extends Query<StoreView> {
  constructor(readonly id: string) {
    super();
  }
}
