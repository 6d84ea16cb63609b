import type { Order } from '../../domain/index.js';

export const ORDER_REPOSITORY = Symbol.for('ordering.OrderRepository');

/**
 * Orders as event streams (`ordering.Order`, requirements E01). Runs on the caller's transaction: saving appends the
 * new events, snapshots now and then, and hands the events to the domain-event handlers (integration events into the
 * outbox) in that same transaction.
 */
export interface OrderRepository {
  /** The order, or undefined when no order has this id (loading never creates a stream). */
  find(id: string): Promise<Order | undefined>;
  /** NotFoundError "order <id> not found" when there is none (the reference returned an empty order, §14.4 #34). */
  get(id: string): Promise<Order>;
  /** ConflictError when another writer saved the order since it was loaded (HTTP 409 / redelivery). */
  save(order: Order): Promise<void>;
}
