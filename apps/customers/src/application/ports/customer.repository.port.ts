import type { Customer } from '../../domain/index.js';

export const CUSTOMER_REPOSITORY = Symbol.for('customers.CustomerRepository');

/** Customers as stored (a plain table). Runs on the caller's transaction. */
export interface CustomerRepository {
  /** NotFoundError when there is no such customer (the reference answered a raw sql.ErrNoRows, HTTP 500). */
  get(id: string): Promise<Customer>;
  /** Inserts a new customer or updates one; ConflictError when it changed since it was read (optimistic lock). */
  save(customer: Customer): Promise<void>;
}
