import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetOrderQuery } from '../../application/get-order/get-order.query.js';
import { SearchOrdersQuery } from '../../application/search-orders/search-orders.query.js';
import type { OrderRecord } from '../../domain/index.js';
import { toOrderMessage } from '../grpc/search.grpc.controller.js';
import { GetOrderResponseDto, type OrderDto, SearchOrdersBody, SearchOrdersResponseDto } from './search.dto.js';

/**
 * The reference's REST API (reference-behaviour §3.8, search.swagger.json): POST /api/search/orders and
 * GET /api/search/orders/{id}, lowerCamelCase JSON, errors as `{code, message, details}`.
 */
@Controller('api/search/orders')
export class SearchRestController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @ApiTags('Orders')
  @ApiOperation({ operationId: 'searchOrders', summary: 'Search for orders' })
  @ApiOkResponse({ type: SearchOrdersResponseDto })
  async search(@Body() body: SearchOrdersBody): Promise<SearchOrdersResponseDto> {
    const filters = body.filters ?? {};
    const result = await this.queries.execute(
      new SearchOrdersQuery({
        ...filters,
        after: filters.after === undefined ? undefined : new Date(filters.after),
        before: filters.before === undefined ? undefined : new Date(filters.before),
        next: body.next,
        limit: body.limit,
      }),
    );
    return { orders: result.orders.map(toOrderDto), next: result.next };
  }

  @Get(':id')
  @ApiTags('Order')
  @ApiOperation({ operationId: 'getOrder', summary: 'Get an order' })
  @ApiOkResponse({ type: GetOrderResponseDto })
  async get(@Param('id') id: string): Promise<GetOrderResponseDto> {
    return { order: toOrderDto(await this.queries.execute(new GetOrderQuery(id))) };
  }
}

/** As grpc-gateway rendered it: the int64 quantity is a JSON string. */
function toOrderDto(record: OrderRecord): OrderDto {
  const order = toOrderMessage(record);
  return { ...order, items: order.items.map((item) => ({ ...item, quantity: String(item.quantity) })) };
}
