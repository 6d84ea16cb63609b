import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId } from '@mallbots/ddd';
import { CancelOrderCommand } from '../../application/cancel-order/cancel-order.command.js';
import { CreateOrderCommand } from '../../application/create-order/create-order.command.js';
import { GetOrderQuery, type OrderView } from '../../application/get-order/get-order.query.js';
import { CreateOrderBody, CreateOrderResponseDto, GetOrderResponseDto, type OrderDto, type OrderItemBody } from './ordering.dto.js';

/** The reference's REST API (reference-behaviour §3.5, ordering.swagger.json): same paths, methods and JSON fields. */
@ApiTags('Order')
@Controller('api/ordering')
export class OrderingRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'createOrder', summary: 'Start a new order' })
  @ApiOkResponse({ type: CreateOrderResponseDto })
  create(@Body() body: CreateOrderBody): Promise<{ id: string }> {
    return this.commands.execute(new CreateOrderCommand(newId(), body.customerId ?? '', body.paymentId ?? '', (body.items ?? []).map(itemOf)));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getOrder', summary: 'Get an order' })
  @ApiOkResponse({ type: GetOrderResponseDto })
  async get(@Param('id') id: string): Promise<GetOrderResponseDto> {
    return { order: orderDtoOf(await this.queries.execute(new GetOrderQuery(id))) };
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'cancelOrder', summary: 'Cancel an order' })
  async cancel(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new CancelOrderCommand(id));
    return {};
  }
}

function itemOf(item: OrderItemBody) {
  return {
    productId: item.productId ?? '',
    storeId: item.storeId ?? '',
    storeName: item.storeName ?? '',
    productName: item.productName ?? '',
    price: item.price ?? 0,
    quantity: item.quantity ?? 0,
  };
}

/** The reference's fields, plus shoppingId and invoiceId once they are known (absent before: additive, optional). */
function orderDtoOf(view: OrderView): OrderDto {
  const { shoppingId, invoiceId, items, ...rest } = view;
  return {
    ...rest,
    items: items.map((i) => ({ ...i })),
    ...(shoppingId ? { shoppingId } : {}),
    ...(invoiceId ? { invoiceId } : {}),
  };
}
