import type { ShoppingList, ShoppingListState, ShoppingListStatus } from '../../domain/index.js';

export const SHOPPING_LIST_REPOSITORY = Symbol.for('depot.ShoppingListRepository');

export interface ShoppingListFilter {
  /** Only lists in this status (bots ask for `available`); every status when absent. */
  readonly status?: ShoppingListStatus;
  /** At most this many, oldest first (a bot takes the longest-waiting list). */
  readonly limit: number;
}

/** Shopping lists as stored (a plain table, `shopping_lists`). Runs on the caller's transaction. */
export interface ShoppingListRepository {
  /** undefined when there is no such list (the reference answered a raw sql.ErrNoRows, HTTP 500). */
  find(id: string): Promise<ShoppingList | undefined>;
  /** The list made for an order: one order gets one list, so one bot trip (G05). */
  findByOrderId(orderId: string): Promise<ShoppingList | undefined>;
  /** Inserts a new list or updates one; ConflictError when it changed since it was read, or its order has a list. */
  save(list: ShoppingList): Promise<void>;
  list(filter: ShoppingListFilter): Promise<ShoppingListState[]>;
}
