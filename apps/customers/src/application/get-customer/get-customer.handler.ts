import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository.port.js';
import { type CustomerView, GetCustomerQuery } from './get-customer.query.js';

@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery> {
  constructor(@Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository) {}

  async execute(query: GetCustomerQuery): Promise<CustomerView> {
    const { id, name, smsNumber, enabled } = (await this.customers.get(query.id)).toState();
    return { id, name, smsNumber, enabled };
  }
}
