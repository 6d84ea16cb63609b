import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type SagaOrchestrator, SagaTimeoutSweeper } from '@mallbots/sec';
import { CREATE_ORDER_SAGA } from '../../application/ports/create-order-saga.port.js';
import type { CreateOrderData } from '../../domain/index.js';
import { COSEC_CONFIG } from '../../cosec.tokens.js';
import type { CosecConfig } from '../../cosec.config.js';

/**
 * Fails the steps that got no reply within SAGA_STEP_TIMEOUT (the reference had no timeouts). Safe in every replica:
 * overdue sagas are claimed with FOR UPDATE SKIP LOCKED. Stopped before shutdown closes the pools, waiting for a
 * sweep in progress, so no timeout transaction is cut short.
 */
@Injectable()
export class SagaTimeoutsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SagaTimeouts');
  private readonly sweeper: SagaTimeoutSweeper;

  constructor(@Inject(CREATE_ORDER_SAGA) saga: SagaOrchestrator<CreateOrderData>, @Inject(COSEC_CONFIG) config: CosecConfig) {
    this.sweeper = new SagaTimeoutSweeper({
      sagas: [saga],
      intervalMs: config.timeoutSweepIntervalMs,
      onError: (err, name) => this.logger.warn(`timeout sweep of ${name} failed; retrying on the next tick: ${err instanceof Error ? err.message : String(err)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.sweeper.stop();
  }
}
