import { Controller, Inject } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type AuthorizeCustomerRequest,
  type ChangeSmsNumberRequest,
  type CustomersServiceController,
  CustomersServiceControllerMethods,
  type DisableCustomerRequest,
  type EnableCustomerRequest,
  type GetCustomerRequest,
  type GetCustomerResponse,
  type RegisterCustomerRequest,
  type RegisterCustomerResponse,
} from '@mallbots/contracts/customers';
import { AuthorizeCustomerCommand } from '../../application/authorize-customer/authorize-customer.command.js';
import { ChangeSmsNumberCommand } from '../../application/change-sms-number/change-sms-number.command.js';
import { DisableCustomerCommand } from '../../application/disable-customer/disable-customer.command.js';
import { EnableCustomerCommand } from '../../application/enable-customer/enable-customer.command.js';
import { GetCustomerQuery } from '../../application/get-customer/get-customer.query.js';
import { RegisterCustomerCommand } from '../../application/register-customer/register-customer.command.js';

/** customerspb.CustomersService (reference-behaviour §3.3); errors become gRPC statuses in the platform's ErrorFilter. */
@Controller()
@CustomersServiceControllerMethods()
export class CustomersGrpcController implements CustomersServiceController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  registerCustomer(request: RegisterCustomerRequest): Promise<RegisterCustomerResponse> {
    return this.commands.execute(new RegisterCustomerCommand(request.name ?? '', request.smsNumber ?? ''));
  }

  async enableCustomer(request: EnableCustomerRequest): Promise<object> {
    await this.commands.execute(new EnableCustomerCommand(request.id ?? ''));
    return {};
  }

  async disableCustomer(request: DisableCustomerRequest): Promise<object> {
    await this.commands.execute(new DisableCustomerCommand(request.id ?? ''));
    return {};
  }

  async changeSmsNumber(request: ChangeSmsNumberRequest): Promise<object> {
    await this.commands.execute(new ChangeSmsNumberCommand(request.id ?? '', request.smsNumber ?? ''));
    return {};
  }

  async authorizeCustomer(request: AuthorizeCustomerRequest): Promise<object> {
    await this.commands.execute(new AuthorizeCustomerCommand(request.id ?? ''));
    return {};
  }

  async getCustomer(request: GetCustomerRequest): Promise<GetCustomerResponse> {
    return { customer: await this.queries.execute(new GetCustomerQuery(request.id ?? '')) };
  }
}
