export {
  type SagaCommand,
  type SagaCommandFactory,
  type SagaReplyHandler,
  type SagaStep,
  type SagaDefinition,
  DEFAULT_STEP_TIMEOUT_MS,
  DEFAULT_MAX_COMPENSATION_ATTEMPTS,
  nextInvocableStep,
} from './saga-definition.js';
export { defineSaga, SagaBuilder, SagaStepBuilder, type SagaOptions } from './saga-builder.js';
export { SagaHeader, commandHeaders, readReplyAddress, type ReplyAddress } from './saga-headers.js';
export { type SagaStatus, type SagaInstance, type SagaListFilter, type SagaStore } from './saga-store.port.js';
export { PgSagaStore } from './pg-saga-store.js';
export { secSchemaSql } from './sec-schema.js';
export { SagaOrchestrator, type SagaOrchestratorOptions, type SagaLogger, type StartOptions } from './orchestrator.js';
export { SagaTimeoutSweeper, type SagaTimeouts, type SagaTimeoutSweeperOptions } from './saga-timeouts.js';
export { SagaMetrics, type SagaOutcome } from './saga-metrics.js';
