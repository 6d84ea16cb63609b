import { type DynamicModule, Module } from '@nestjs/common';
import { EventDispatcher } from '@mallbots/ddd';
import { PlatformModule, type ResilientGrpcClientOptions, rpcAddress, type ServiceConfig } from '@mallbots/platform';
import { AssignShoppingListHandler } from './application/assign-shopping-list/assign-shopping-list.handler.js';
import { CancelShoppingListHandler } from './application/cancel-shopping-list/cancel-shopping-list.handler.js';
import { Catalog } from './application/catalog/catalog.service.js';
import { CompleteShoppingListHandler } from './application/complete-shopping-list/complete-shopping-list.handler.js';
import { CreateShoppingListHandler } from './application/create-shopping-list/create-shopping-list.handler.js';
import { GetShoppingListHandler } from './application/get-shopping-list/get-shopping-list.handler.js';
import { InitiateShoppingHandler } from './application/initiate-shopping/initiate-shopping.handler.js';
import { ListShoppingListsHandler } from './application/list-shopping-lists/list-shopping-lists.handler.js';
import { DOMAIN_EVENTS } from './application/ports/domain-events.port.js';
import { PRODUCT_CACHE } from './application/ports/product-cache.port.js';
import { SHOPPING_LIST_REPOSITORY } from './application/ports/shopping-list.repository.port.js';
import { STORE_CACHE } from './application/ports/store-cache.port.js';
import { STORES_SERVICE } from './application/ports/stores-service.port.js';
import { ProductCacheProjector } from './application/product-cache/product-cache.projector.js';
import { StoreCacheProjector } from './application/store-cache/store-cache.projector.js';
import { DepotGrpcController } from './adapters/grpc/depot.grpc.controller.js';
import { StoresGrpcClient } from './adapters/grpc/stores.client.js';
import { DepotCommandsConsumer } from './adapters/messaging/depot-commands.consumer.js';
import { depotRegistry } from './adapters/messaging/depot.messages.js';
import { ProductEventsConsumer } from './adapters/messaging/product-events.consumer.js';
import { ShoppingListIntegrationEvents } from './adapters/messaging/shopping-list-integration-events.js';
import { StoreEventsConsumer } from './adapters/messaging/store-events.consumer.js';
import { ProductCachePgRepository } from './adapters/postgres/product-cache.pg.repository.js';
import { ShoppingListPgRepository } from './adapters/postgres/shopping-list.pg.repository.js';
import { StoreCachePgRepository } from './adapters/postgres/store-cache.pg.repository.js';
import { DepotRestController } from './adapters/rest/depot.rest.controller.js';

export interface DepotOptions {
  /** Deadline and circuit breaker of the StoresService client (defaults: 2 s, open after 5 faults for 10 s). */
  readonly stores?: ResilientGrpcClientOptions;
}

/** The composition root of the depot service: driven adapters → application → driving adapters (K03). */
@Module({})
export class DepotModule {
  static forRoot(config: ServiceConfig, migrationsDir: string, options: DepotOptions = {}): DynamicModule {
    // The cache fallbacks need Stores — the stores service, not this one (§14.1 item 10): a missing RPC_SERVICES
    // entry stops the service at start-up (ConfigError naming the variable), never at the first cache miss.
    const storesAddress = rpcAddress(config, 'STORES');
    return {
      module: DepotModule,
      imports: [PlatformModule.forRoot({ config, registry: depotRegistry(), migrationsDir })],
      controllers: [DepotRestController, DepotGrpcController],
      providers: [
        { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
        { provide: SHOPPING_LIST_REPOSITORY, useClass: ShoppingListPgRepository },
        { provide: STORE_CACHE, useClass: StoreCachePgRepository },
        { provide: PRODUCT_CACHE, useClass: ProductCachePgRepository },
        { provide: STORES_SERVICE, useFactory: () => new StoresGrpcClient(storesAddress, options.stores) },
        Catalog,
        CreateShoppingListHandler,
        CancelShoppingListHandler,
        InitiateShoppingHandler,
        AssignShoppingListHandler,
        CompleteShoppingListHandler,
        GetShoppingListHandler,
        ListShoppingListsHandler,
        StoreCacheProjector,
        ProductCacheProjector,
        ShoppingListIntegrationEvents,
        DepotCommandsConsumer,
        StoreEventsConsumer,
        ProductEventsConsumer,
      ],
    };
  }
}
