import { type DynamicModule, Module } from '@nestjs/common';
import { EventDispatcher } from '@mallbots/ddd';
import { PlatformModule, type ServiceConfig } from '@mallbots/platform';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { ApproveOrderHandler } from './application/approve-order/approve-order.handler.js';
import { CancelOrderHandler } from './application/cancel-order/cancel-order.handler.js';
import { CompleteOrderHandler } from './application/complete-order/complete-order.handler.js';
import { CreateOrderHandler } from './application/create-order/create-order.handler.js';
import { GetOrderHandler } from './application/get-order/get-order.handler.js';
import { DOMAIN_EVENTS } from './application/ports/domain-events.port.js';
import { ORDER_REPOSITORY } from './application/ports/order.repository.port.js';
import { ReadyOrderHandler } from './application/ready-order/ready-order.handler.js';
import { RejectOrderHandler } from './application/reject-order/reject-order.handler.js';
import { OrderingGrpcController } from './adapters/grpc/ordering.grpc.controller.js';
import { BasketEventsConsumer } from './adapters/messaging/basket-events.consumer.js';
import { InvoiceEventsConsumer } from './adapters/messaging/invoice-events.consumer.js';
import { OrderCommandsConsumer } from './adapters/messaging/order-commands.consumer.js';
import { OrderIntegrationEvents } from './adapters/messaging/order-integration-events.js';
import { orderingRegistry } from './adapters/messaging/ordering.messages.js';
import { ShoppingListEventsConsumer } from './adapters/messaging/shopping-list-events.consumer.js';
import { OrderEsRepository } from './adapters/postgres/order.es.repository.js';
import { OrderingRestController } from './adapters/rest/ordering.rest.controller.js';

/** The composition root of the ordering service: driven adapters → application → driving adapters (K03). */
@Module({})
export class OrderingModule {
  static forRoot(config: ServiceConfig, migrationsDir: string): DynamicModule {
    return {
      module: OrderingModule,
      imports: [PlatformModule.forRoot({ config, registry: orderingRegistry(), migrationsDir })],
      controllers: [OrderingRestController, OrderingGrpcController],
      providers: [
        { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
        {
          provide: ORDER_REPOSITORY,
          inject: [TRANSACTION_RUNNER, DOMAIN_EVENTS],
          useFactory: (tx: TransactionRunner, events: EventDispatcher) => OrderEsRepository.postgres(tx, events),
        },
        CreateOrderHandler,
        ApproveOrderHandler,
        RejectOrderHandler,
        CancelOrderHandler,
        ReadyOrderHandler,
        CompleteOrderHandler,
        GetOrderHandler,
        OrderIntegrationEvents,
        BasketEventsConsumer,
        ShoppingListEventsConsumer,
        InvoiceEventsConsumer,
        OrderCommandsConsumer,
      ],
    };
  }
}
