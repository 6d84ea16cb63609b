import { type DynamicModule, Module } from '@nestjs/common';
import { EventDispatcher } from '@mallbots/ddd';
import { everyNEvents } from '@mallbots/es';
import { PlatformModule, type ServiceConfig } from '@mallbots/platform';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { AddProductHandler } from './application/add-product/add-product.handler.js';
import { CreateStoreHandler } from './application/create-store/create-store.handler.js';
import { DecreaseProductPriceHandler } from './application/decrease-product-price/decrease-product-price.handler.js';
import { DisableParticipationHandler } from './application/disable-participation/disable-participation.handler.js';
import { EnableParticipationHandler } from './application/enable-participation/enable-participation.handler.js';
import { GetCatalogHandler } from './application/get-catalog/get-catalog.handler.js';
import { GetParticipatingStoresHandler } from './application/get-participating-stores/get-participating-stores.handler.js';
import { GetProductHandler } from './application/get-product/get-product.handler.js';
import { GetStoreHandler } from './application/get-store/get-store.handler.js';
import { GetStoresHandler } from './application/get-stores/get-stores.handler.js';
import { IncreaseProductPriceHandler } from './application/increase-product-price/increase-product-price.handler.js';
import { CATALOG_REPOSITORY } from './application/ports/catalog.repository.port.js';
import { DOMAIN_EVENTS } from './application/ports/domain-events.port.js';
import { MALL_REPOSITORY } from './application/ports/mall.repository.port.js';
import { PRODUCT_REPOSITORY } from './application/ports/product.repository.port.js';
import { STORE_REPOSITORY } from './application/ports/store.repository.port.js';
import { CatalogProjector } from './application/projections/catalog.projector.js';
import { MallProjector } from './application/projections/mall.projector.js';
import { RebrandProductHandler } from './application/rebrand-product/rebrand-product.handler.js';
import { RebrandStoreHandler } from './application/rebrand-store/rebrand-store.handler.js';
import { RemoveProductHandler } from './application/remove-product/remove-product.handler.js';
import { StoresAsyncApiController } from './adapters/asyncapi/stores.asyncapi.controller.js';
import { StoresGrpcController } from './adapters/grpc/stores.grpc.controller.js';
import { StoresIntegrationEvents } from './adapters/messaging/stores-integration-events.js';
import { storesRegistry } from './adapters/messaging/stores.messages.js';
import { CatalogPgRepository } from './adapters/postgres/catalog.pg.repository.js';
import { MallPgRepository } from './adapters/postgres/mall.pg.repository.js';
import { ProductEsRepository } from './adapters/postgres/product.es.repository.js';
import { StoreEsRepository } from './adapters/postgres/store.es.repository.js';
import type { StoresEventSourcing } from './adapters/postgres/stores.event-sourcing.js';
import { ProductsRestController } from './adapters/rest/products.rest.controller.js';
import { StoresRestController } from './adapters/rest/stores.rest.controller.js';
import { createStoresEventTypeRegistry } from './domain/index.js';
import { DEFAULT_SNAPSHOT_EVERY, type StoresOptions } from './stores.config.js';

/** The composition root of the stores service: driven adapters → application → driving adapters (K03). */
@Module({})
export class StoresModule {
  static forRoot(config: ServiceConfig, migrationsDir: string, options: Partial<StoresOptions> = {}): DynamicModule {
    const eventTypes = createStoresEventTypeRegistry();
    const strategy = everyNEvents(options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY);
    const eventSourcing = (tx: TransactionRunner, dispatcher: EventDispatcher): StoresEventSourcing => ({ tx, dispatcher, registry: eventTypes, strategy });
    return {
      module: StoresModule,
      imports: [PlatformModule.forRoot({ config, registry: storesRegistry(), migrationsDir })],
      // Products first: its `products/:id` routes must win over the stores controller's `:id` ones.
      controllers: [ProductsRestController, StoresRestController, StoresGrpcController, StoresAsyncApiController],
      providers: [
        { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
        {
          provide: STORE_REPOSITORY,
          inject: [TRANSACTION_RUNNER, DOMAIN_EVENTS],
          useFactory: (tx: TransactionRunner, events: EventDispatcher) => StoreEsRepository.onPostgres(eventSourcing(tx, events)),
        },
        {
          provide: PRODUCT_REPOSITORY,
          inject: [TRANSACTION_RUNNER, DOMAIN_EVENTS],
          useFactory: (tx: TransactionRunner, events: EventDispatcher) => ProductEsRepository.onPostgres(eventSourcing(tx, events)),
        },
        { provide: MALL_REPOSITORY, useClass: MallPgRepository },
        { provide: CATALOG_REPOSITORY, useClass: CatalogPgRepository },
        CreateStoreHandler,
        EnableParticipationHandler,
        DisableParticipationHandler,
        RebrandStoreHandler,
        AddProductHandler,
        RebrandProductHandler,
        IncreaseProductPriceHandler,
        DecreaseProductPriceHandler,
        RemoveProductHandler,
        GetStoreHandler,
        GetStoresHandler,
        GetParticipatingStoresHandler,
        GetProductHandler,
        GetCatalogHandler,
        // Subscribed in this order: read models first, then the outbox (all in the same transaction).
        MallProjector,
        CatalogProjector,
        StoresIntegrationEvents,
      ],
    };
  }
}
