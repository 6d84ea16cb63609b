import { Query } from '@nestjs/cqrs';
import type { CustomerState } from '../../domain/index.js';

export type CustomerView = Omit<CustomerState, 'version'>;

export class GetCustomerQuery extends Query<CustomerView> {
  constructor(readonly id: string) {
    super();
  }
}
