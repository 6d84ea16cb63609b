import { Query } from '@nestjs/cqrs';
import type { OrderRecord } from '../../domain/index.js';

export class GetOrderQuery extends Query<OrderRecord> {
  constructor(readonly id: string) {
    super();
  }
}
