import type { AggregateRepository } from '@mallbots/es';
import { Product, ProductAggregateName, ProductErrors } from '../../domain/index.js';
import type { ProductRepository } from '../../application/ports/product.repository.port.js';
import { pgAggregateRepository, type StoresEventSourcing } from './stores.event-sourcing.js';

/** ProductRepository over the `stores.Product` streams (snapshot + newer events on load). */
export class ProductEsRepository implements ProductRepository {
  constructor(private readonly aggregates: AggregateRepository<Product>) {}

  static onPostgres(options: StoresEventSourcing): ProductEsRepository {
    return new ProductEsRepository(pgAggregateRepository(ProductAggregateName, (id) => new Product(id), options));
  }

  async get(id: string): Promise<Product> {
    const product = await this.aggregates.load(id);
    // The reference's text ("product with that ID does not exist") rather than the library's generic one.
    if (!product) throw ProductErrors.notFound();
    return product;
  }

  save(product: Product): Promise<void> {
    return this.aggregates.save(product);
  }
}
