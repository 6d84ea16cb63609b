import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { MESSAGE_REGISTRY, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import { EVENT_PUBLISHER, PlatformModule, type ServiceConfig } from '@mallbots/platform';
import { PgSagaStore, SagaOrchestrator, type SagaInstance, type SagaLogger } from '@mallbots/sec';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { GetSagaHandler } from './application/get-saga/get-saga.handler.js';
import { ListSagasHandler } from './application/list-sagas/list-sagas.handler.js';
import { CREATE_ORDER_SAGA } from './application/ports/create-order-saga.port.js';
import { SAGA_HISTORY } from './application/ports/saga-history.port.js';
import { StartCreateOrderSagaHandler } from './application/start-create-order-saga/start-create-order-saga.handler.js';
import { cosecRegistry } from './adapters/messaging/cosec.messages.js';
import { CREATE_ORDER_SAGA_NAME, createOrderSaga, outstandingCommand } from './adapters/messaging/create-order.saga.js';
import { OrderEventsConsumer } from './adapters/messaging/order-events.consumer.js';
import { SagaRepliesConsumer } from './adapters/messaging/saga-replies.consumer.js';
import { SagaTimeoutsLifecycle } from './adapters/messaging/saga-timeouts.lifecycle.js';
import { HistoryRecordingSagaStore, PgSagaHistory } from './adapters/postgres/saga-history.pg.js';
import { SagasRestController } from './adapters/rest/sagas.rest.controller.js';
import type { CosecConfig } from './cosec.config.js';
import { COSEC_CONFIG } from './cosec.tokens.js';
import type { CreateOrderData } from './domain/index.js';

/** The composition root of cosec: driven adapters (saga store, outbox) → the saga and its use cases → consumers, REST. */
@Module({})
export class CosecModule {
  static forRoot(config: ServiceConfig, migrationsDir: string, cosec: CosecConfig): DynamicModule {
    return {
      module: CosecModule,
      imports: [PlatformModule.forRoot({ config, registry: cosecRegistry(), migrationsDir })],
      controllers: [SagasRestController],
      providers: [
        { provide: COSEC_CONFIG, useValue: cosec },
        { provide: SAGA_HISTORY, inject: [TRANSACTION_RUNNER], useFactory: (tx: TransactionRunner) => new PgSagaHistory(tx, CREATE_ORDER_SAGA_NAME) },
        {
          provide: CREATE_ORDER_SAGA,
          inject: [TRANSACTION_RUNNER, EVENT_PUBLISHER, MESSAGE_REGISTRY, SAGA_HISTORY],
          useFactory: (tx: TransactionRunner, outbox: MessagePublisher, registry: MessageRegistry, history: PgSagaHistory) => {
            const definition = createOrderSaga({ stepTimeoutMs: cosec.stepTimeoutMs, maxCompensationAttempts: cosec.maxCompensationAttempts });
            return new SagaOrchestrator<CreateOrderData>({
              definition,
              store: new HistoryRecordingSagaStore(new PgSagaStore(tx), history, (saga) => outstandingCommand(definition, saga as SagaInstance<CreateOrderData>)),
              publisher: outbox,
              registry,
              tx,
              logger: sagaLogger(),
            });
          },
        },
        StartCreateOrderSagaHandler,
        GetSagaHandler,
        ListSagasHandler,
        OrderEventsConsumer,
        SagaRepliesConsumer,
        SagaTimeoutsLifecycle,
      ],
    };
  }
}

function sagaLogger(): SagaLogger {
  const logger = new Logger('Saga');
  const line = (message: string, context?: Record<string, unknown>) => (context ? `${message} ${JSON.stringify(context)}` : message);
  return { debug: (message, context) => logger.debug(line(message, context)), warn: (message, context) => logger.warn(line(message, context)) };
}
