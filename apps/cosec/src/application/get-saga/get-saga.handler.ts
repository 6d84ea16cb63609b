import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@mallbots/ddd';
import { CREATE_ORDER_SAGA, type CreateOrderSaga } from '../ports/create-order-saga.port.js';
import { SAGA_HISTORY, type SagaHistory } from '../ports/saga-history.port.js';
import { toSagaSummary } from '../saga-summary.js';
import { GetSagaQuery, type SagaView } from './get-saga.query.js';

/** The create-order saga of an order, with its history; an unknown order id is NotFound (HTTP 404). */
@QueryHandler(GetSagaQuery)
export class GetSagaHandler implements IQueryHandler<GetSagaQuery> {
  constructor(
    @Inject(CREATE_ORDER_SAGA) private readonly saga: CreateOrderSaga,
    @Inject(SAGA_HISTORY) private readonly history: SagaHistory,
  ) {}

  async execute(query: GetSagaQuery): Promise<SagaView> {
    const saga = await this.saga.get(query.orderId);
    if (!saga) throw new NotFoundError(`no create-order saga for order ${query.orderId}`);
    const history = await this.history.of(saga.id);
    // The latest transition recorded the command it sent: the one the saga still waits for, unless it ended.
    const awaiting = saga.done ? null : (history.at(-1)?.command ?? null);
    return { ...toSagaSummary(saga), awaiting, history };
  }
}
