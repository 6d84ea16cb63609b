import { Query } from '@nestjs/cqrs';
import type { ProductView } from '../ports/catalog.repository.port.js';

export class GetCatalogQuery extends Query<ProductView[]> {
  constructor(readonly storeId: string) {
    super();
  }
}
