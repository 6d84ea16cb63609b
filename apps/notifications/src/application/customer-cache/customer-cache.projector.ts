import { Inject, Injectable } from '@nestjs/common';
import { InvalidArgumentError } from '@mallbots/ddd';
import { CUSTOMER_CACHE, type CustomerCache } from '../ports/customer-cache.port.js';
import { updateCachedCustomer } from './update-cached-customer.js';

/**
 * Keeps `customers_cache` in step with Customers' events (H03; durable `notification-customers`). Runs in the
 * message's transaction behind the inbox, so a redelivered message is skipped; the cache's last-writer-wins rules
 * (domain/cached-customer.ts) make duplicates and out-of-order events harmless besides.
 */
@Injectable()
export class CustomerCacheProjector {
  constructor(@Inject(CUSTOMER_CACHE) private readonly cache: CustomerCache) {}

  async registered(event: { id: string; name: string; smsNumber: string }, at: Date): Promise<void> {
    await this.update(event.id, (c) => c.registered(event, at));
  }

  async smsNumberChanged(event: { id: string; smsNumber: string }, at: Date): Promise<void> {
    if (!event.smsNumber?.trim()) throw new InvalidArgumentError(`customer ${event.id}: the SMS number cannot be blank`);
    await this.update(event.id, (c) => c.smsNumberChanged(event.smsNumber, at));
  }

  async enabledChanged(id: string, enabled: boolean, at: Date): Promise<void> {
    await this.update(id, (c) => c.enabledChanged(enabled, at));
  }

  private async update(id: string, change: Parameters<typeof updateCachedCustomer>[3]): Promise<void> {
    if (!id?.trim()) throw new InvalidArgumentError('the customer id cannot be blank');
    await updateCachedCustomer(this.cache, id, 'event', change);
  }
}
