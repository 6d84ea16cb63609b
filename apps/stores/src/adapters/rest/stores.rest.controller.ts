import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStoreCommand } from '../../application/create-store/create-store.command.js';
import { DisableParticipationCommand } from '../../application/disable-participation/disable-participation.command.js';
import { EnableParticipationCommand } from '../../application/enable-participation/enable-participation.command.js';
import { GetParticipatingStoresQuery } from '../../application/get-participating-stores/get-participating-stores.query.js';
import { GetStoreQuery } from '../../application/get-store/get-store.query.js';
import { GetStoresQuery } from '../../application/get-stores/get-stores.query.js';
import { RebrandStoreCommand } from '../../application/rebrand-store/rebrand-store.command.js';
import { toStoreMessage } from '../wire/stores.wire.js';
import { CreateStoreBody, GetStoreResponseDto, GetStoresResponseDto, IdResponseDto, RebrandStoreBody } from './stores.dto.js';

/**
 * The stores ("mall") half of the reference's REST API (reference-behaviour §3.1, stores.swagger.json): same paths,
 * methods, JSON fields and status codes; empty answers are `{}` with 200.
 */
@Controller('api/stores')
export class StoresRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiTags('Store')
  @ApiOperation({ operationId: 'createStore', summary: 'Create a new store' })
  @ApiOkResponse({ type: IdResponseDto })
  create(@Body() body: CreateStoreBody): Promise<{ id: string }> {
    return this.commands.execute(new CreateStoreCommand(body.name ?? '', body.location ?? ''));
  }

  @Get()
  @ApiTags('Store')
  @ApiOperation({ operationId: 'getStores', summary: 'Get a list of stores' })
  @ApiOkResponse({ type: GetStoresResponseDto })
  async getStores(): Promise<GetStoresResponseDto> {
    return { stores: (await this.queries.execute(new GetStoresQuery())).map(toStoreMessage) };
  }

  // Before `:id`, which would otherwise take "participating" for a store id.
  @Get('participating')
  @ApiTags('Participation')
  @ApiOperation({ operationId: 'getParticipatingStores', summary: 'Get a list of participating stores' })
  @ApiOkResponse({ type: GetStoresResponseDto })
  async getParticipatingStores(): Promise<GetStoresResponseDto> {
    return { stores: (await this.queries.execute(new GetParticipatingStoresQuery())).map(toStoreMessage) };
  }

  @Get(':id')
  @ApiTags('Store')
  @ApiOperation({ operationId: 'getStore', summary: 'Get a store' })
  @ApiOkResponse({ type: GetStoreResponseDto })
  async getStore(@Param('id') id: string): Promise<GetStoreResponseDto> {
    return { store: toStoreMessage(await this.queries.execute(new GetStoreQuery(id))) };
  }

  // The reference's body is `{}`; whatever is sent is ignored.
  @Put(':id/participating')
  @ApiTags('Participation')
  @ApiOperation({ operationId: 'enableParticipation', summary: 'Enable store service participation' })
  @ApiBody({ required: true, schema: { type: 'object' } })
  async enableParticipation(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new EnableParticipationCommand(id));
    return {};
  }

  @Delete(':id/participating')
  @ApiTags('Participation')
  @ApiOperation({ operationId: 'disableParticipation', summary: 'Disable store service participation' })
  async disableParticipation(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new DisableParticipationCommand(id));
    return {};
  }

  @Put(':id/rebrand')
  @ApiTags('Store')
  @ApiOperation({ operationId: 'rebrandStore', summary: 'Change the name of a store' })
  async rebrandStore(@Param('id') id: string, @Body() body: RebrandStoreBody): Promise<object> {
    await this.commands.execute(new RebrandStoreCommand(id, body.name ?? ''));
    return {};
  }
}
