import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StoreErrors } from '../../domain/index.js';
import { CATALOG_REPOSITORY, type CatalogRepository, type ProductView } from '../ports/catalog.repository.port.js';
import { MALL_REPOSITORY, type MallRepository } from '../ports/mall.repository.port.js';
import { GetCatalogQuery } from './get-catalog.query.js';

/**
 * The products on sale in one store. An unknown store is a 404 (architecture §4.10), where the reference answered
 * an empty list that looks the same as a store with nothing on sale.
 */
@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery> {
  constructor(
    @Inject(MALL_REPOSITORY) private readonly mall: MallRepository,
    @Inject(CATALOG_REPOSITORY) private readonly catalog: CatalogRepository,
  ) {}

  async execute(query: GetCatalogQuery): Promise<ProductView[]> {
    if (!(await this.mall.find(query.storeId))) throw StoreErrors.notFound();
    return this.catalog.byStore(query.storeId);
  }
}
