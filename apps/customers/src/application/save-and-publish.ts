import type { EventDispatcher } from '@mallbots/ddd';
import type { Customer } from '../domain/index.js';
import type { CustomerRepository } from './ports/customer.repository.port.js';

/** Saves the customer, then hands its new events to the in-process handlers (integration events, counters). */
export async function saveAndPublish(customers: CustomerRepository, events: EventDispatcher, customer: Customer): Promise<void> {
  const pending = [...customer.events];
  await customers.save(customer);
  await events.publish(...pending);
}
