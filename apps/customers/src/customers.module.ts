import { type DynamicModule, Module } from '@nestjs/common';
import { EventDispatcher } from '@mallbots/ddd';
import { PlatformModule, type ServiceConfig } from '@mallbots/platform';
import { AuthorizeCustomerHandler } from './application/authorize-customer/authorize-customer.handler.js';
import { ChangeSmsNumberHandler } from './application/change-sms-number/change-sms-number.handler.js';
import { DisableCustomerHandler } from './application/disable-customer/disable-customer.handler.js';
import { EnableCustomerHandler } from './application/enable-customer/enable-customer.handler.js';
import { GetCustomerHandler } from './application/get-customer/get-customer.handler.js';
import { CUSTOMER_REPOSITORY } from './application/ports/customer.repository.port.js';
import { DOMAIN_EVENTS } from './application/ports/domain-events.port.js';
import { RegisterCustomerHandler } from './application/register-customer/register-customer.handler.js';
import { CustomersGrpcController } from './adapters/grpc/customers.grpc.controller.js';
import { CustomerCommandsConsumer } from './adapters/messaging/customer-commands.consumer.js';
import { CustomerIntegrationEvents } from './adapters/messaging/customer-integration-events.js';
import { customersRegistry } from './adapters/messaging/customers.messages.js';
import { CustomerPgRepository } from './adapters/postgres/customer.pg.repository.js';
import { CustomersRestController } from './adapters/rest/customers.rest.controller.js';

/** The composition root of the customers service: driven adapters → application → driving adapters (K03). */
@Module({})
export class CustomersModule {
  static forRoot(config: ServiceConfig, migrationsDir: string): DynamicModule {
    return {
      module: CustomersModule,
      imports: [PlatformModule.forRoot({ config, registry: customersRegistry(), migrationsDir })],
      controllers: [CustomersRestController, CustomersGrpcController],
      providers: [
        { provide: CUSTOMER_REPOSITORY, useClass: CustomerPgRepository },
        { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
        RegisterCustomerHandler,
        AuthorizeCustomerHandler,
        EnableCustomerHandler,
        DisableCustomerHandler,
        ChangeSmsNumberHandler,
        GetCustomerHandler,
        CustomerIntegrationEvents,
        CustomerCommandsConsumer,
      ],
    };
  }
}
