import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddItemCommand } from '../../application/add-item/add-item.command.js';
import { CancelBasketCommand } from '../../application/cancel-basket/cancel-basket.command.js';
import { CheckoutBasketCommand } from '../../application/checkout-basket/checkout-basket.command.js';
import { GetBasketQuery, type BasketView } from '../../application/get-basket/get-basket.query.js';
import { RemoveItemCommand } from '../../application/remove-item/remove-item.command.js';
import { StartBasketCommand } from '../../application/start-basket/start-basket.command.js';
import { type BasketDto, CheckoutBasketBody, GetBasketResponseDto, ItemBody, StartBasketBody, StartBasketResponseDto } from './baskets.dto.js';

/**
 * The reference's REST API (reference-behaviour §3.2, baskets.swagger.json, the baskets-ui pact): same paths,
 * methods, lowerCamelCase JSON, `{}` for empty answers, errors as `{code, message, details}`.
 */
@Controller('api/baskets')
export class BasketsRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiTags('Basket')
  @ApiOperation({ operationId: 'startBasket', summary: 'Start a new shopping basket' })
  @ApiOkResponse({ type: StartBasketResponseDto })
  start(@Body() body: StartBasketBody): Promise<{ id: string }> {
    return this.commands.execute(new StartBasketCommand(body.customerId ?? ''));
  }

  @Get(':id')
  @ApiTags('Basket')
  @ApiOperation({ operationId: 'getBasket', summary: 'Get a basket' })
  @ApiOkResponse({ type: GetBasketResponseDto })
  async get(@Param('id') id: string): Promise<GetBasketResponseDto> {
    return { basket: toBasketDto(await this.queries.execute(new GetBasketQuery(id))) };
  }

  @Delete(':id')
  @ApiTags('Basket')
  @ApiOperation({ operationId: 'cancelBasket', summary: 'Cancel a shopping basket' })
  async cancel(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new CancelBasketCommand(id));
    return {};
  }

  @Put(':id/checkout')
  @ApiTags('Basket')
  @ApiOperation({ operationId: 'checkoutBasket', summary: 'Checkout with a shopping basket' })
  async checkout(@Param('id') id: string, @Body() body: CheckoutBasketBody): Promise<object> {
    await this.commands.execute(new CheckoutBasketCommand(id, body.paymentId ?? ''));
    return {};
  }

  @Put(':id/addItem')
  @ApiTags('Item')
  @ApiOperation({ operationId: 'addItem', summary: 'Add or add quantity to an item in the shopping basket' })
  async addItem(@Param('id') id: string, @Body() body: ItemBody): Promise<object> {
    await this.commands.execute(new AddItemCommand(id, body.productId ?? '', body.quantity ?? 0));
    return {};
  }

  @Put(':id/removeItem')
  @ApiTags('Item')
  @ApiOperation({ operationId: 'removeItem', summary: 'Remove or remove quantity to an item in the shopping basket' })
  async removeItem(@Param('id') id: string, @Body() body: ItemBody): Promise<object> {
    await this.commands.execute(new RemoveItemCommand(id, body.productId ?? '', body.quantity ?? 0));
    return {};
  }
}

/** Prices on the wire are the reference's decimals; the domain's cents convert exactly. */
export function toBasketDto(view: BasketView): BasketDto {
  return {
    id: view.id,
    items: view.items.map((item) => ({
      storeId: item.storeId,
      productId: item.productId,
      storeName: item.storeName,
      productName: item.productName,
      productPrice: item.price.toDecimal(),
      quantity: item.quantity,
    })),
    customerId: view.customerId,
    paymentId: view.paymentId ?? '',
    status: view.status,
    total: view.total.toDecimal(),
  };
}
