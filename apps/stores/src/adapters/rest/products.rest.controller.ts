import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddProductCommand } from '../../application/add-product/add-product.command.js';
import { DecreaseProductPriceCommand } from '../../application/decrease-product-price/decrease-product-price.command.js';
import { GetCatalogQuery } from '../../application/get-catalog/get-catalog.query.js';
import { GetProductQuery } from '../../application/get-product/get-product.query.js';
import { IncreaseProductPriceCommand } from '../../application/increase-product-price/increase-product-price.command.js';
import { RebrandProductCommand } from '../../application/rebrand-product/rebrand-product.command.js';
import { RemoveProductCommand } from '../../application/remove-product/remove-product.command.js';
import { moneyFromWire, toProductMessage } from '../wire/stores.wire.js';
import { AddProductBody, ChangeProductPriceBody, GetCatalogResponseDto, GetProductResponseDto, IdResponseDto, RebrandProductBody } from './stores.dto.js';

/**
 * The products ("catalog") half of the reference's REST API (reference-behaviour §3.1, stores.swagger.json).
 * Registered before StoresRestController and with `products/:id` routes first, so `/api/stores/products/…` is
 * never read as a store id.
 */
@ApiTags('Product')
@Controller('api/stores')
export class ProductsRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('products/:id')
  @ApiOperation({ operationId: 'getProduct', summary: 'Get a store product' })
  @ApiOkResponse({ type: GetProductResponseDto })
  async getProduct(@Param('id') id: string): Promise<GetProductResponseDto> {
    return { product: toProductMessage(await this.queries.execute(new GetProductQuery(id))) };
  }

  @Put('products/:id/rebrand')
  @ApiOperation({ operationId: 'rebrandProduct', summary: 'Change the name and description of a product' })
  async rebrandProduct(@Param('id') id: string, @Body() body: RebrandProductBody): Promise<object> {
    await this.commands.execute(new RebrandProductCommand(id, body.name ?? '', body.description ?? ''));
    return {};
  }

  @Put('products/:id/increasePrice')
  @ApiOperation({ operationId: 'increaseProductPrice', summary: 'Increase the price of a product' })
  async increaseProductPrice(@Param('id') id: string, @Body() body: ChangeProductPriceBody): Promise<object> {
    await this.commands.execute(new IncreaseProductPriceCommand(id, moneyFromWire(body.price)));
    return {};
  }

  @Put('products/:id/decreasePrice')
  @ApiOperation({ operationId: 'decreaseProductPrice', summary: 'Decrease the price of a product' })
  async decreaseProductPrice(@Param('id') id: string, @Body() body: ChangeProductPriceBody): Promise<object> {
    await this.commands.execute(new DecreaseProductPriceCommand(id, moneyFromWire(body.price)));
    return {};
  }

  @Delete('products/:id')
  @ApiOperation({ operationId: 'removeProduct', summary: 'Remove a store product' })
  async removeProduct(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new RemoveProductCommand(id));
    return {};
  }

  @Post(':storeId/products')
  @HttpCode(200)
  @ApiOperation({ operationId: 'addProduct', summary: 'Add a store product' })
  @ApiOkResponse({ type: IdResponseDto })
  async addProduct(@Param('storeId') storeId: string, @Body() body: AddProductBody): Promise<{ id: string }> {
    return this.commands.execute(new AddProductCommand(storeId, body.name ?? '', body.description ?? '', body.sku ?? '', moneyFromWire(body.price)));
  }

  @Get(':storeId/products')
  @ApiOperation({ operationId: 'getStoreProducts', summary: 'Get a list of store products' })
  @ApiOkResponse({ type: GetCatalogResponseDto })
  async getStoreProducts(@Param('storeId') storeId: string): Promise<GetCatalogResponseDto> {
    return { products: (await this.queries.execute(new GetCatalogQuery(storeId))).map(toProductMessage) };
  }
}
