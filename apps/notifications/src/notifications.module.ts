import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, rpcAddress, type ServiceConfig } from '@mallbots/platform';
import { CustomerCacheProjector } from './application/customer-cache/customer-cache.projector.js';
import { CustomerDirectory } from './application/customer-cache/customer-directory.js';
import { GetRecipientHandler } from './application/get-recipient/get-recipient.handler.js';
import { ListNotificationsHandler } from './application/list-notifications/list-notifications.handler.js';
import { NotifyCustomerHandler } from './application/notify-customer/notify-customer.handler.js';
import { CUSTOMER_CACHE } from './application/ports/customer-cache.port.js';
import { CUSTOMERS_SERVICE } from './application/ports/customers-service.port.js';
import { NOTIFICATION_REPOSITORY } from './application/ports/notification.repository.port.js';
import { SMS_SENDER, type SmsSender } from './application/ports/sms-sender.port.js';
import { SMS_DISPATCH_OPTIONS, SmsDispatcher, type SmsDispatchOptions } from './application/sms-dispatch/sms-dispatcher.js';
import { type CustomersClientOptions, CustomersGrpcClient } from './adapters/grpc/customers.client.js';
import { NotificationsGrpcController } from './adapters/grpc/notifications.grpc.controller.js';
import { CustomerEventsConsumer } from './adapters/messaging/customer-events.consumer.js';
import { notificationsRegistry } from './adapters/messaging/notifications.messages.js';
import { OrderEventsConsumer } from './adapters/messaging/order-events.consumer.js';
import { CustomerCachePgRepository } from './adapters/postgres/customer-cache.pg.repository.js';
import { NotificationPgRepository } from './adapters/postgres/notification.pg.repository.js';
import { NotificationsRestController } from './adapters/rest/notifications.rest.controller.js';
import { LoggingSmsSender } from './adapters/sms/logging.sms-sender.js';
import { MeteredSmsSender } from './adapters/sms/metered.sms-sender.js';

export interface NotificationsOptions {
  /** Deadline and circuit breaker of the GetCustomer fallback (defaults: 2 s; open after 5 faults for 10 s). */
  readonly customers?: CustomersClientOptions;
  readonly smsDispatch?: SmsDispatchOptions;
  /** The SMS provider; default the logging adapter (no vendor chosen yet, H05). */
  readonly smsSender?: SmsSender;
}

/** The composition root of the notifications service: driven adapters → application → driving adapters (K03). */
@Module({})
export class NotificationsModule {
  static forRoot(config: ServiceConfig, migrationsDir: string, options: NotificationsOptions = {}): DynamicModule {
    // The cache fallback needs Customers: a missing RPC_SERVICES entry stops the service at start-up, not at the
    // first cache miss.
    const customersAddress = rpcAddress(config, 'CUSTOMERS');
    return {
      module: NotificationsModule,
      imports: [PlatformModule.forRoot({ config, registry: notificationsRegistry(), migrationsDir })],
      controllers: [NotificationsRestController, NotificationsGrpcController],
      providers: [
        { provide: CUSTOMER_CACHE, useClass: CustomerCachePgRepository },
        { provide: NOTIFICATION_REPOSITORY, useClass: NotificationPgRepository },
        { provide: CUSTOMERS_SERVICE, useFactory: () => new CustomersGrpcClient(customersAddress, options.customers) },
        { provide: SMS_SENDER, useFactory: () => new MeteredSmsSender(options.smsSender ?? new LoggingSmsSender()) },
        { provide: SMS_DISPATCH_OPTIONS, useValue: options.smsDispatch ?? {} },
        CustomerCacheProjector,
        CustomerDirectory,
        NotifyCustomerHandler,
        ListNotificationsHandler,
        GetRecipientHandler,
        SmsDispatcher,
        CustomerEventsConsumer,
        OrderEventsConsumer,
      ],
    };
  }
}
