import type { CursorPosition, OrderRecord, OrderStatus, SearchFilters, SearchPage } from '../../domain/index.js';

export const ORDER_READ_MODEL = Symbol.for('search.OrderReadModel');

/** A status change carried by a later order event (OrderApproved, OrderReadied, …). */
export interface StatusChange {
  readonly orderId: string;
  readonly customerId: string;
  readonly paymentId: string;
  readonly status: OrderStatus;
}

export interface SearchHit {
  readonly record: OrderRecord;
  readonly position: CursorPosition;
}

/**
 * `orders`, the search read model (requirement I03). Runs on the caller's transaction. Writes are idempotent and
 * order-independent: an order's status only moves forward in its lifecycle (`laterStatus`), and a status event that
 * arrives before OrderCreated leaves a placeholder row (status and ids, no lines) that OrderCreated completes.
 * Placeholders are invisible to `find` and `search`: an order without its lines is not a result.
 */
export interface OrderReadModel {
  /** From OrderCreated: inserts the order, or completes its placeholder keeping the later of the two statuses. */
  created(record: OrderRecord): Promise<void>;
  /** From a status event: moves the status forward, or leaves a placeholder when the order is not there yet. */
  statusChanged(change: StatusChange): Promise<void>;
  /** Fills in the customer name of orders projected while the customer was unknown. */
  customerNamed(customerId: string, name: string): Promise<void>;
  find(orderId: string): Promise<OrderRecord | undefined>;
  /** Up to `page.limit + 1` orders matching the filters, newest first, strictly after `page.after`. */
  search(filters: SearchFilters, page: SearchPage): Promise<SearchHit[]>;
}
