import type { SagaInstance, SagaListFilter, StartOptions } from '@mallbots/sec';
import type { CreateOrderData } from '../../domain/index.js';

/** The running create-order saga as the use cases see it (libs/sec's SagaOrchestrator fits). */
export interface CreateOrderSaga {
  /** Starts saga `id` (the order id); a second start for the same id changes nothing. */
  start(id: string, data: CreateOrderData, options?: StartOptions): Promise<SagaInstance<CreateOrderData>>;
  get(id: string): Promise<SagaInstance<CreateOrderData> | undefined>;
  list(filter?: SagaListFilter): Promise<SagaInstance<CreateOrderData>[]>;
}

export const CREATE_ORDER_SAGA = Symbol.for('cosec.CreateOrderSaga');
