import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@mallbots/ddd';
import { CUSTOMER_CACHE, type CustomerCache } from '../ports/customer-cache.port.js';
import { GetRecipientQuery, type Recipient } from './get-recipient.query.js';

/**
 * Notifications' own copy of a customer (customers_cache), as operators need it to answer "which number was (or
 * will be) texted?" — the copy follows customers' events asynchronously, so it may lag behind the customers
 * service. Reads the cache only: no GetCustomer fallback, so an unknown customer is a 404, not a remote call.
 */
@QueryHandler(GetRecipientQuery)
export class GetRecipientHandler implements IQueryHandler<GetRecipientQuery> {
  constructor(@Inject(CUSTOMER_CACHE) private readonly customers: CustomerCache) {}

  async execute({ customerId }: GetRecipientQuery): Promise<Recipient> {
    const cached = await this.customers.find(customerId);
    if (!cached) throw new NotFoundError(`notifications knows no customer ${customerId}`);
    const { name, smsNumber } = cached.state;
    return { customerId, ...(name !== undefined ? { name } : {}), ...(smsNumber !== undefined ? { smsNumber } : {}), enabled: cached.enabled };
  }
}
