import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CREATE_ORDER_SAGA, type CreateOrderSaga } from '../ports/create-order-saga.port.js';
import { toSagaSummary, type SagaSummary } from '../saga-summary.js';
import { ListSagasQuery } from './list-sagas.query.js';

@QueryHandler(ListSagasQuery)
export class ListSagasHandler implements IQueryHandler<ListSagasQuery> {
  constructor(@Inject(CREATE_ORDER_SAGA) private readonly saga: CreateOrderSaga) {}

  async execute(query: ListSagasQuery): Promise<SagaSummary[]> {
    return (await this.saga.list({ status: query.status, limit: query.limit })).map(toSagaSummary);
  }
}
