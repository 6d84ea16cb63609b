export const MALL_REPOSITORY = Symbol.for('stores.MallRepository');

/** A store as the mall read model holds it (the shape of the API's `Store`). */
export interface StoreView {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly participating: boolean;
}

/**
 * The mall read model (`stores` table; the book's MallRepository): written only by the mall projector, in the
 * transaction that saves the store's events; read by the store queries. Runs on the caller's transaction.
 */
export interface MallRepository {
  /** New stores do not participate yet. */
  add(store: { id: string; name: string; location: string }): Promise<void>;
  setParticipation(id: string, participating: boolean): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  find(id: string): Promise<StoreView | undefined>;
  /** Every store, oldest first. */
  all(): Promise<StoreView[]>;
  /** The participating stores, oldest first. */
  allParticipating(): Promise<StoreView[]>;
}
