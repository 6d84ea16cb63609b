import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignShoppingListCommand } from '../../application/assign-shopping-list/assign-shopping-list.command.js';
import { CancelShoppingListCommand } from '../../application/cancel-shopping-list/cancel-shopping-list.command.js';
import { CompleteShoppingListCommand } from '../../application/complete-shopping-list/complete-shopping-list.command.js';
import { CreateShoppingListCommand } from '../../application/create-shopping-list/create-shopping-list.command.js';
import { GetShoppingListQuery } from '../../application/get-shopping-list/get-shopping-list.query.js';
import { ListShoppingListsQuery } from '../../application/list-shopping-lists/list-shopping-lists.query.js';
import {
  AssignShoppingListBody,
  CreateShoppingListBody,
  CreateShoppingListResponseDto,
  GetShoppingListResponseDto,
  ListShoppingListsParams,
  ListShoppingListsResponseDto,
} from './depot.dto.js';

/**
 * The reference's REST API (reference-behaviour §3.4, depot.swagger.json "Depot Operations"): same paths, methods,
 * JSON fields and status codes, plus two reads the reference lacked: one list by id, and the lists in a status (how
 * bots find available work). The reference's operationId typo `ccompleteShoppingList` is kept, since generated
 * clients name their method after it.
 */
@ApiTags('ShoppingList')
@Controller('api/depot/shopping')
export class DepotRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'createShoppingList', summary: 'Create a shopping list for an order' })
  @ApiOkResponse({ type: CreateShoppingListResponseDto })
  create(@Body() body: CreateShoppingListBody): Promise<{ id: string }> {
    const items = (body.items ?? []).map((i) => ({ productId: i.productId ?? '', storeId: i.storeId ?? '', quantity: i.quantity ?? 0 }));
    return this.commands.execute(new CreateShoppingListCommand(body.orderId ?? '', items));
  }

  @Get()
  @ApiOperation({ operationId: 'listShoppingLists', summary: 'List shopping lists, e.g. those available to bots' })
  @ApiOkResponse({ type: ListShoppingListsResponseDto })
  async list(@Query() params: ListShoppingListsParams): Promise<ListShoppingListsResponseDto> {
    return { shoppingLists: await this.queries.execute(new ListShoppingListsQuery(params.status, params.limit)) };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getShoppingList', summary: 'Get a shopping list' })
  @ApiOkResponse({ type: GetShoppingListResponseDto })
  async get(@Param('id') id: string): Promise<GetShoppingListResponseDto> {
    return { shoppingList: await this.queries.execute(new GetShoppingListQuery(id)) };
  }

  @Post(':id')
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelShoppingList', summary: 'Cancel a shopping list' })
  async cancel(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new CancelShoppingListCommand(id));
    return {};
  }

  @Put(':id/assign')
  @ApiOperation({ operationId: 'assignShoppingList', summary: 'Assign an available shopping list to a bot' })
  async assign(@Param('id') id: string, @Body() body: AssignShoppingListBody): Promise<object> {
    await this.commands.execute(new AssignShoppingListCommand(id, body.botId ?? ''));
    return {};
  }

  @Put(':id/complete')
  @ApiOperation({ operationId: 'ccompleteShoppingList', summary: 'Complete a shopping list' })
  async complete(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new CompleteShoppingListCommand(id));
    return {};
  }
}
