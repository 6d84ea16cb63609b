import type { Store } from '../../domain/index.js';

export const STORE_REPOSITORY = Symbol.for('stores.StoreRepository');

/** Stores as event streams (`stores.Store`), with snapshots. Runs on the caller's transaction. */
export interface StoreRepository {
  /** NotFoundError "store with that ID does not exist" when there is no such stream (never a phantom store). */
  get(id: string): Promise<Store>;
  /**
   * Appends the pending events, snapshots when due and dispatches the events to DOMAIN_EVENTS, all in one
   * transaction; ConflictError when the store changed since it was loaded.
   */
  save(store: Store): Promise<void>;
}
