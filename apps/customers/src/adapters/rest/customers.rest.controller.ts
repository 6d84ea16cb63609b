import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangeSmsNumberCommand } from '../../application/change-sms-number/change-sms-number.command.js';
import { DisableCustomerCommand } from '../../application/disable-customer/disable-customer.command.js';
import { EnableCustomerCommand } from '../../application/enable-customer/enable-customer.command.js';
import { GetCustomerQuery } from '../../application/get-customer/get-customer.query.js';
import { RegisterCustomerCommand } from '../../application/register-customer/register-customer.command.js';
import { ChangeSmsNumberBody, GetCustomerResponseDto, RegisterCustomerBody, RegisterCustomerResponseDto } from './customers.dto.js';

/** The reference's REST API (reference-behaviour §3.3): same paths, methods, JSON fields and status codes. */
@ApiTags('Customer')
@Controller('api/customers')
export class CustomersRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'registerCustomer', summary: 'Register a customer' })
  @ApiOkResponse({ type: RegisterCustomerResponseDto })
  register(@Body() body: RegisterCustomerBody): Promise<{ id: string }> {
    return this.commands.execute(new RegisterCustomerCommand(body.name ?? '', body.smsNumber ?? ''));
  }

  @Put(':id/change-sms')
  @ApiOperation({ operationId: 'changeSmsNumber', summary: 'Change the SMS number of a customer' })
  async changeSmsNumber(@Param('id') id: string, @Body() body: ChangeSmsNumberBody): Promise<object> {
    await this.commands.execute(new ChangeSmsNumberCommand(id, body.smsNumber ?? ''));
    return {};
  }

  @Put(':id/enable')
  @ApiOperation({ operationId: 'enableCustomer', summary: 'Enable a customer' })
  async enable(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new EnableCustomerCommand(id));
    return {};
  }

  @Put(':id/disable')
  @ApiOperation({ operationId: 'DisableCustomer', summary: 'Disable a customer' })
  async disable(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new DisableCustomerCommand(id));
    return {};
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getCustomer', summary: 'Get a customer' })
  @ApiOkResponse({ type: GetCustomerResponseDto })
  async get(@Param('id') id: string): Promise<GetCustomerResponseDto> {
    return { customer: await this.queries.execute(new GetCustomerQuery(id)) };
  }
}
