import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ResilientGrpcClientOptions, rpcAddress, type ServiceConfig } from '@mallbots/platform';
import { GetOrderHandler } from './application/get-order/get-order.handler.js';
import { NameResolver } from './application/names/name-resolver.js';
import { OrderProjector } from './application/order-projection/order.projector.js';
import { CUSTOMER_CACHE, PRODUCT_CACHE, STORE_CACHE } from './application/ports/name-caches.port.js';
import { ORDER_READ_MODEL } from './application/ports/order-read-model.port.js';
import { CUSTOMERS_SERVICE, STORES_SERVICE } from './application/ports/remote-services.port.js';
import { SearchOrdersHandler } from './application/search-orders/search-orders.handler.js';
import { CustomersGrpcClient } from './adapters/grpc/customers.client.js';
import { SearchGrpcController } from './adapters/grpc/search.grpc.controller.js';
import { StoresGrpcClient } from './adapters/grpc/stores.client.js';
import { CustomerEventsConsumer } from './adapters/messaging/customer-events.consumer.js';
import { OrderEventsConsumer } from './adapters/messaging/order-events.consumer.js';
import { ProductEventsConsumer } from './adapters/messaging/product-events.consumer.js';
import { searchRegistry } from './adapters/messaging/search.messages.js';
import { StoreEventsConsumer } from './adapters/messaging/store-events.consumer.js';
import { CustomerCachePgRepository, ProductCachePgRepository, StoreCachePgRepository } from './adapters/postgres/name-caches.pg.repository.js';
import { OrderReadModelPgRepository } from './adapters/postgres/order-read-model.pg.repository.js';
import { SearchRestController } from './adapters/rest/search.rest.controller.js';

export interface SearchOptions {
  /** Deadline, retry and circuit breaker of the Customers and Stores clients (defaults: 2 s, 1 retry, open after 5 faults for 10 s). */
  readonly fallbacks?: ResilientGrpcClientOptions;
}

/** The composition root of the search service: driven adapters → application → driving adapters (K03). */
@Module({})
export class SearchModule {
  static forRoot(config: ServiceConfig, migrationsDir: string, options: SearchOptions = {}): DynamicModule {
    // The cache fallbacks need Customers and Stores: a missing RPC_SERVICES entry stops the service at start-up
    // (ConfigError naming the variable), never at the first cache miss.
    const customersAddress = rpcAddress(config, 'CUSTOMERS');
    const storesAddress = rpcAddress(config, 'STORES');
    return {
      module: SearchModule,
      imports: [PlatformModule.forRoot({ config, registry: searchRegistry(), migrationsDir })],
      controllers: [SearchRestController, SearchGrpcController],
      providers: [
        { provide: ORDER_READ_MODEL, useClass: OrderReadModelPgRepository },
        { provide: CUSTOMER_CACHE, useClass: CustomerCachePgRepository },
        { provide: STORE_CACHE, useClass: StoreCachePgRepository },
        { provide: PRODUCT_CACHE, useClass: ProductCachePgRepository },
        { provide: CUSTOMERS_SERVICE, useFactory: () => new CustomersGrpcClient(customersAddress, options.fallbacks) },
        { provide: STORES_SERVICE, useFactory: () => new StoresGrpcClient(storesAddress, options.fallbacks) },
        NameResolver,
        OrderProjector,
        SearchOrdersHandler,
        GetOrderHandler,
        CustomerEventsConsumer,
        StoreEventsConsumer,
        ProductEventsConsumer,
        OrderEventsConsumer,
      ],
    };
  }
}
