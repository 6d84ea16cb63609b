import type { Product } from '../../domain/index.js';

export const PRODUCT_REPOSITORY = Symbol.for('stores.ProductRepository');

/** Products as event streams (`stores.Product`), with snapshots. Runs on the caller's transaction. */
export interface ProductRepository {
  /** NotFoundError "product with that ID does not exist" when there is no such stream. */
  get(id: string): Promise<Product>;
  /** Appends, snapshots and dispatches in one transaction; ConflictError when the product changed since it was loaded. */
  save(product: Product): Promise<void>;
}
