import { NotFoundError } from '@mallbots/ddd';
import { OrderRejectedEvent, OrderStatus, OrderTransitionError } from '../../domain/index.js';
import { givenOrder, inMemoryOrders, type OrdersKit } from '../orders.fixture.js';
import { RejectOrderCommand } from './reject-order.command.js';
import { RejectOrderHandler } from './reject-order.handler.js';

describe('RejectOrderHandler', () => {
  let kit: OrdersKit;
  let handler: RejectOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new RejectOrderHandler(kit.orders);
  });

  it('rejects a pending order and saves OrderRejected', async () => {
    await givenOrder(kit, 'o-1', 'pending');

    await handler.execute(new RejectOrderCommand('o-1'));

    expect((await kit.orders.get('o-1')).status).toBe(OrderStatus.Rejected);
    expect(kit.saved.map((e) => [e.name, e.payload])).toEqual([[OrderRejectedEvent, { customerId: 'customer-1', paymentId: 'payment-1' }]]);
  });

  it.each(['rejected', 'cancelled'] as const)('answers success for a %s order without a new event, so the compensating saga can finish', async (status) => {
    await givenOrder(kit, 'o-1', status);

    await expect(handler.execute(new RejectOrderCommand('o-1'))).resolves.toBeUndefined();

    expect(kit.saved).toEqual([]);
    expect((await kit.orders.get('o-1')).status).toBe(status);
  });

  it.each(['approved', 'ready', 'completed'] as const)('refuses a %s order with "the order cannot be rejected"', async (status) => {
    await givenOrder(kit, 'o-1', status);

    const attempt = handler.execute(new RejectOrderCommand('o-1'));

    await expect(attempt).rejects.toBeInstanceOf(OrderTransitionError);
    await expect(attempt).rejects.toThrow('the order cannot be rejected');
    expect(kit.saved).toEqual([]);
  });

  it('answers an unknown order with NotFound', async () => {
    await expect(handler.execute(new RejectOrderCommand('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
