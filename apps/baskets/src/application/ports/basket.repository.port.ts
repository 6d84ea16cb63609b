import type { Basket } from '../../domain/index.js';

export const BASKET_REPOSITORY = Symbol.for('baskets.BasketRepository');

/** Baskets as event streams (`baskets.Basket`). Runs on the caller's transaction. */
export interface BasketRepository {
  /**
   * The basket rebuilt from its snapshot and events; NotFoundError for an id that was never started (the reference
   * loaded an empty basket and answered 200, §14.4 item 34).
   */
  get(id: string): Promise<Basket>;
  /**
   * Appends the basket's new events and hands them to the domain-event handlers in the same transaction;
   * ConflictError when someone else saved the basket since it was loaded (HTTP 409 / gRPC ABORTED).
   */
  save(basket: Basket): Promise<void>;
}
