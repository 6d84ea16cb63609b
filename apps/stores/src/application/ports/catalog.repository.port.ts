import type { Money } from '@mallbots/ddd';

export const CATALOG_REPOSITORY = Symbol.for('stores.CatalogRepository');

/** A product as the catalog read model holds it; the price is exact (the adapters turn it into a decimal). */
export interface ProductView {
  readonly id: string;
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: Money;
}

/**
 * The catalog read model (`products` table; the book's CatalogRepository): written only by the catalog projector,
 * in the transaction that saves the product's events; read by the product queries. Runs on the caller's
 * transaction. Removed products are not in it.
 */
export interface CatalogRepository {
  add(product: ProductView): Promise<void>;
  rebrand(id: string, name: string, description: string): Promise<void>;
  /** Adds the signed delta to the price (deltas commute, so price changes may be applied in any order). */
  changePrice(id: string, delta: Money): Promise<void>;
  remove(id: string): Promise<void>;
  find(id: string): Promise<ProductView | undefined>;
  /** The products of one store, oldest first. */
  byStore(storeId: string): Promise<ProductView[]>;
}
