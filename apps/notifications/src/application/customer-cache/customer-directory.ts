import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@mallbots/ddd';
import type { CachedCustomer } from '../../domain/index.js';
import { CUSTOMER_CACHE, type CustomerCache } from '../ports/customer-cache.port.js';
import { CUSTOMERS_SERVICE, type CustomersService } from '../ports/customers-service.port.js';
import { updateCachedCustomer } from './update-cached-customer.js';

/**
 * Who to text: the cached customer, or — when the cache has no SMS number for them — Customers' GetCustomer, whose
 * answer is cached (H03, N03: the fallback runs only on a miss).
 *
 * Why a fallback rather than waiting for the customers events: the order and customer events come through two
 * independent durable consumers, so an OrderCreated for a customer who registered a moment ago can legitimately be
 * handled before their CustomerRegistered (and a fresh deployment replays orders and customers side by side). A
 * retry would delay the text by the redelivery backoff and dead-letter it if Customers' events lag for long; the
 * fallback answers at once with the owner's current data. It has a deadline and a circuit breaker (the client), so
 * a slow Customers costs a message at most the deadline: then UnavailableError, and the message is redelivered with
 * backoff (dead-lettered after the last attempt, replayable). A customer Customers does not know is NotFoundError:
 * final, never going to succeed.
 */
@Injectable()
export class CustomerDirectory {
  constructor(
    @Inject(CUSTOMER_CACHE) private readonly cache: CustomerCache,
    @Inject(CUSTOMERS_SERVICE) private readonly customers: CustomersService,
  ) {}

  async reachable(customerId: string): Promise<CachedCustomer> {
    const cached = await this.cache.find(customerId);
    if (cached?.reachable) return cached;
    const asked = new Date(); // the answer is at least this new; an event older than it does not override it
    const remote = await this.customers.getCustomer(customerId).catch((err: unknown) => {
      if (err instanceof NotFoundError) throw new NotFoundError(`customer ${customerId} not found`, [], { cause: err });
      throw err;
    });
    return updateCachedCustomer(this.cache, customerId, 'fallback', (c) => c.fetched(remote, asked));
  }
}
