import { type DynamicModule, Module } from '@nestjs/common';
import { EventDispatcher } from '@mallbots/ddd';
import { PgEventStore, PgSnapshotStore } from '@mallbots/es';
import { PlatformModule, type ResilientGrpcClientOptions, rpcAddress, type ServiceConfig } from '@mallbots/platform';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { AddItemHandler } from './application/add-item/add-item.handler.js';
import { CancelBasketHandler } from './application/cancel-basket/cancel-basket.handler.js';
import { Catalog } from './application/catalog/catalog.service.js';
import { CheckoutBasketHandler } from './application/checkout-basket/checkout-basket.handler.js';
import { GetBasketHandler } from './application/get-basket/get-basket.handler.js';
import { BASKET_REPOSITORY } from './application/ports/basket.repository.port.js';
import { DOMAIN_EVENTS } from './application/ports/domain-events.port.js';
import { PRODUCT_CACHE } from './application/ports/product-cache.port.js';
import { STORE_CACHE } from './application/ports/store-cache.port.js';
import { STORES_SERVICE } from './application/ports/stores-service.port.js';
import { ProductCacheProjector } from './application/product-cache/product-cache.projector.js';
import { RemoveItemHandler } from './application/remove-item/remove-item.handler.js';
import { StartBasketHandler } from './application/start-basket/start-basket.handler.js';
import { StoreCacheProjector } from './application/store-cache/store-cache.projector.js';
import { BasketsGrpcController } from './adapters/grpc/baskets.grpc.controller.js';
import { StoresGrpcClient } from './adapters/grpc/stores.client.js';
import { BasketIntegrationEvents } from './adapters/messaging/basket-integration-events.js';
import { basketsRegistry } from './adapters/messaging/baskets.messages.js';
import { ProductEventsConsumer } from './adapters/messaging/product-events.consumer.js';
import { StoreEventsConsumer } from './adapters/messaging/store-events.consumer.js';
import { EventSourcedBasketRepository } from './adapters/postgres/basket.es.repository.js';
import { ProductCachePgRepository } from './adapters/postgres/product-cache.pg.repository.js';
import { StoreCachePgRepository } from './adapters/postgres/store-cache.pg.repository.js';
import { BasketsRestController } from './adapters/rest/baskets.rest.controller.js';

export interface BasketsOptions {
  /** Deadline and circuit breaker of the StoresService client (defaults: 2 s, open after 5 faults for 10 s). */
  readonly stores?: ResilientGrpcClientOptions;
}

/** The composition root of the baskets service: driven adapters → application → driving adapters (K03). */
@Module({})
export class BasketsModule {
  static forRoot(config: ServiceConfig, migrationsDir: string, options: BasketsOptions = {}): DynamicModule {
    // The cache fallbacks need Stores: a missing RPC_SERVICES entry stops the service at start-up (ConfigError
    // naming the variable), never at the first cache miss.
    const storesAddress = rpcAddress(config, 'STORES');
    return {
      module: BasketsModule,
      imports: [PlatformModule.forRoot({ config, registry: basketsRegistry(), migrationsDir })],
      controllers: [BasketsRestController, BasketsGrpcController],
      providers: [
        { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
        {
          provide: BASKET_REPOSITORY,
          inject: [TRANSACTION_RUNNER, DOMAIN_EVENTS],
          useFactory: (tx: TransactionRunner, dispatcher: EventDispatcher) =>
            new EventSourcedBasketRepository({ eventStore: new PgEventStore(tx), snapshotStore: new PgSnapshotStore(tx), tx, dispatcher }),
        },
        { provide: STORE_CACHE, useClass: StoreCachePgRepository },
        { provide: PRODUCT_CACHE, useClass: ProductCachePgRepository },
        { provide: STORES_SERVICE, useFactory: () => new StoresGrpcClient(storesAddress, options.stores) },
        Catalog,
        StartBasketHandler,
        AddItemHandler,
        RemoveItemHandler,
        CancelBasketHandler,
        CheckoutBasketHandler,
        GetBasketHandler,
        StoreCacheProjector,
        ProductCacheProjector,
        BasketIntegrationEvents,
        StoreEventsConsumer,
        ProductEventsConsumer,
      ],
    };
  }
}
