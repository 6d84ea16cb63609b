import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@mallbots/ddd';
import type { SagaInstance } from '@mallbots/sec';
import type { CreateOrderData } from '../../domain/index.js';
import type { CreateOrderSaga } from '../ports/create-order-saga.port.js';
import type { SagaHistory, SagaHistoryEntry } from '../ports/saga-history.port.js';
import { GetSagaHandler } from './get-saga.handler.js';
import { GetSagaQuery } from './get-saga.query.js';

const at = new Date('2030-01-01T00:00:00Z');
const running: SagaInstance<CreateOrderData> = {
  id: 'order-1',
  name: 'cosec.CreateOrder',
  data: { orderId: 'order-1', customerId: 'c', paymentId: 'p', items: [], total: 1 },
  step: 2,
  compensating: false,
  done: false,
  status: 'running',
  deadlineAt: at,
  attempts: 1,
  attemptBudgetFrom: 1,
  lastError: null,
  createdAt: at,
  updatedAt: at,
};
const entry = (step: number, command: string | null): SagaHistoryEntry => ({ at, step, compensating: false, status: 'running', attempt: 1, command, error: null });

function handler(saga: SagaInstance<CreateOrderData> | undefined, history: SagaHistoryEntry[]) {
  const sagas: CreateOrderSaga = {
    start: () => Promise.reject(new Error('not expected')),
    list: () => Promise.reject(new Error('not expected')),
    get: async (id) => (id === saga?.id ? saga : undefined),
  };
  const histories: SagaHistory = { of: async (id) => (id === saga?.id ? history : []) };
  return new GetSagaHandler(sagas, histories);
}

describe('GetSagaHandler', () => {
  it('shows the state, the history and the command the saga waits for', async () => {
    const history = [entry(1, 'customersapi.AuthorizeCustomer'), entry(2, 'depotapi.CreateShoppingListCommand')];
    const view = await handler(running, history).execute(new GetSagaQuery('order-1'));

    expect(view).toMatchObject({ id: 'order-1', status: 'running', step: 2, awaiting: 'depotapi.CreateShoppingListCommand', history });
    expect(view).not.toHaveProperty('attemptBudgetFrom');
  });

  it('waits for nothing once done', async () => {
    const view = await handler({ ...running, done: true, status: 'completed' }, [entry(2, 'depotapi.CreateShoppingListCommand')]).execute(new GetSagaQuery('order-1'));
    expect(view.awaiting).toBeNull();
  });

  it('answers an order without a saga with NotFound', async () => {
    await expect(handler(running, []).execute(new GetSagaQuery('order-2'))).rejects.toEqual(new NotFoundError('no create-order saga for order order-2'));
  });
});
