import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '@mallbots/ddd';
import type { CreateOrderData } from '../../domain/index.js';
import type { CreateOrderSaga } from '../ports/create-order-saga.port.js';
import { StartCreateOrderSagaCommand } from './start-create-order-saga.command.js';
import { StartCreateOrderSagaHandler } from './start-create-order-saga.handler.js';

function recordingSaga() {
  const started: { id: string; data: CreateOrderData; causationId?: string }[] = [];
  const saga: CreateOrderSaga = {
    start: async (id, data, options) => {
      started.push({ id, data, causationId: options?.causationId });
      return undefined as never;
    },
    get: () => Promise.reject(new Error('not expected')),
    list: () => Promise.reject(new Error('not expected')),
  };
  return { saga, started };
}

const order = { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', items: [{ productId: 'p', storeId: 's', price: 2.5, quantity: 2 }] };

describe('StartCreateOrderSagaHandler', () => {
  it('starts the saga under the order id, caused by the OrderCreated message', async () => {
    const { saga, started } = recordingSaga();
    await new StartCreateOrderSagaHandler(saga).execute(new StartCreateOrderSagaCommand(order, 'message-7'));

    expect(started).toEqual([{ id: 'order-1', causationId: 'message-7', data: expect.objectContaining({ orderId: 'order-1', total: 5 }) }]);
  });

  it('starts nothing for an order the saga cannot run', async () => {
    const { saga, started } = recordingSaga();
    await expect(new StartCreateOrderSagaHandler(saga).execute(new StartCreateOrderSagaCommand({ ...order, items: [] }, 'm'))).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(started).toEqual([]);
  });
});
