import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProductErrors } from '../../domain/index.js';
import { CATALOG_REPOSITORY, type CatalogRepository, type ProductView } from '../ports/catalog.repository.port.js';
import { GetProductQuery } from './get-product.query.js';

/** From the catalog read model: unknown and removed products are a 404 with the reference's text. */
@QueryHandler(GetProductQuery)
export class GetProductHandler implements IQueryHandler<GetProductQuery> {
  constructor(@Inject(CATALOG_REPOSITORY) private readonly catalog: CatalogRepository) {}

  async execute(query: GetProductQuery): Promise<ProductView> {
    const product = await this.catalog.find(query.id);
    if (!product) throw ProductErrors.notFound();
    return product;
  }
}
