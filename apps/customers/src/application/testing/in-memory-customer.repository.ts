// Test support: the `customers` table in a Map, for the tests that run the real use cases without PostgreSQL.
import { ConflictError, NotFoundError } from '@mallbots/ddd';
import { Customer, type CustomerState } from '../../domain/index.js';
import type { CustomerRepository } from '../ports/customer.repository.port.js';

/** The `customers` table in a Map, with CustomerPgRepository's rules (its NotFound text, the optimistic lock). */
export class InMemoryCustomerRepository implements CustomerRepository {
  readonly rows = new Map<string, CustomerState>();

  async get(id: string): Promise<Customer> {
    const row = this.rows.get(id);
    if (!row) throw new NotFoundError(`customer ${id} not found`);
    return Customer.fromState(row);
  }

  async save(customer: Customer): Promise<void> {
    const stored = this.rows.get(customer.id);
    if ((customer.version === 0 && stored) || (customer.version > 0 && stored?.version !== customer.version)) {
      throw new ConflictError(`customer ${customer.id} was changed concurrently; try again`);
    }
    this.rows.set(customer.id, customer.toState());
    customer.commitEvents();
  }
}
