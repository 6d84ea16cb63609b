import { Query } from '@nestjs/cqrs';
import type { ProductView } from '../ports/catalog.repository.port.js';

export class GetProductQuery extends Query<ProductView> {
  constructor(readonly id: string) {
    super();
  }
}
