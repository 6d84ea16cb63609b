import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { CustomerRegistered } from '@mallbots/contracts/customers';
import type { DomainEvent } from '@mallbots/ddd';
import { CUSTOMER_CACHE, type CustomerCache } from '../../application/ports/name-caches.port.js';
import { ORDER_READ_MODEL, type OrderReadModel } from '../../application/ports/order-read-model.port.js';
import { refuseInvalid, requireId } from './refuse-invalid.js';
import { SearchChannel, SearchConsumer, SearchMessage } from './search.messages.js';

/**
 * Customers' CustomerRegistered into `customers_cache` (§3.8: durable `search-customers`). It also names the orders
 * projected while the customer was unknown to the cache and to Customers (they were stored with an empty name).
 */
@MessageConsumer({ subject: SearchChannel.Customers, group: SearchConsumer.Customers })
export class CustomerEventsConsumer {
  constructor(
    @Inject(CUSTOMER_CACHE) private readonly customers: CustomerCache,
    @Inject(ORDER_READ_MODEL) private readonly orders: OrderReadModel,
  ) {}

  @OnEvent(SearchMessage.CustomerRegistered)
  async customerRegistered(event: DomainEvent<CustomerRegistered>): Promise<void> {
    await refuseInvalid(event, async () => {
      const id = requireId(event.payload.id, 'customer');
      await this.customers.registered(id, event.payload.name);
      await this.orders.customerNamed(id, event.payload.name);
    });
  }
}
