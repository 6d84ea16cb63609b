import { NotFoundError } from '@mallbots/ddd';
import { OrderCanceledEvent, OrderStatus, OrderTransitionError } from '../../domain/index.js';
import { givenOrder, inMemoryOrders, type OrdersKit } from '../orders.fixture.js';
import { CancelOrderCommand } from './cancel-order.command.js';
import { CancelOrderHandler } from './cancel-order.handler.js';

describe('CancelOrderHandler', () => {
  let kit: OrdersKit;
  let handler: CancelOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new CancelOrderHandler(kit.orders);
  });

  it('cancels a pending order and saves OrderCanceled', async () => {
    await givenOrder(kit, 'o-1', 'pending');

    await handler.execute(new CancelOrderCommand('o-1'));

    expect((await kit.orders.get('o-1')).status).toBe(OrderStatus.Cancelled);
    expect(kit.saved.map((e) => [e.name, e.payload])).toEqual([[OrderCanceledEvent, { customerId: 'customer-1', paymentId: 'payment-1' }]]);
  });

  it.each(['cancelled', 'rejected', 'approved', 'ready', 'completed'] as const)('refuses a %s order with the reference’s "the order cannot be cancelled"', async (status) => {
    await givenOrder(kit, 'o-1', status);

    const attempt = handler.execute(new CancelOrderCommand('o-1'));

    await expect(attempt).rejects.toBeInstanceOf(OrderTransitionError);
    await expect(attempt).rejects.toThrow('the order cannot be cancelled');
    expect(kit.saved).toEqual([]);
  });

  it('answers an unknown order with NotFound', async () => {
    await expect(handler.execute(new CancelOrderCommand('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
