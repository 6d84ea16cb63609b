import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetSagaQuery, type SagaView } from '../../application/get-saga/get-saga.query.js';
import { ListSagasQuery } from '../../application/list-sagas/list-sagas.query.js';
import type { SagaSummary } from '../../application/saga-summary.js';
import { ListSagasParams } from './sagas.dto.js';

/** Read-only operator view of the create-order sagas; cosec is not behind the public gateway, so it stays small. */
@ApiTags('Sagas')
@Controller('api/cosec/sagas')
export class SagasRestController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listSagas', summary: 'Create-order sagas, most recently changed first, optionally only those with a status' })
  async list(@Query() params: ListSagasParams): Promise<{ sagas: SagaSummary[] }> {
    return { sagas: await this.queries.execute(new ListSagasQuery(params.status, params.limit)) };
  }

  @Get(':orderId')
  @ApiOperation({ operationId: 'getSaga', summary: 'The create-order saga of an order, with its history' })
  async get(@Param('orderId') orderId: string): Promise<{ saga: SagaView }> {
    return { saga: await this.queries.execute(new GetSagaQuery(orderId)) };
  }
}
