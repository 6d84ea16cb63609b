import { Money, NotFoundError } from '@mallbots/ddd';
import { OrderReadiedEvent, OrderStatus, OrderTransitionError, type OrderReadiedPayload } from '../../domain/index.js';
import { givenOrder, inMemoryOrders, type OrdersKit } from '../orders.fixture.js';
import { ReadyOrderCommand } from './ready-order.command.js';
import { ReadyOrderHandler } from './ready-order.handler.js';

describe('ReadyOrderHandler', () => {
  let kit: OrdersKit;
  let handler: ReadyOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new ReadyOrderHandler(kit.orders);
  });

  it('readies an approved order and saves OrderReadied with the exact total', async () => {
    await givenOrder(kit, 'o-1', 'approved');

    await handler.execute(new ReadyOrderCommand('o-1'));

    expect((await kit.orders.get('o-1')).status).toBe(OrderStatus.Ready);
    expect(kit.savedNames()).toEqual([OrderReadiedEvent]);
    const payload = kit.saved[0]!.payload as OrderReadiedPayload;
    expect([payload.customerId, payload.paymentId, payload.total.equals(Money.ofCents(220))]).toEqual(['customer-1', 'payment-1', true]);
  });

  it.each(['ready', 'completed'] as const)('changes nothing for a %s order (a repeated ShoppingListCompleted)', async (status) => {
    await givenOrder(kit, 'o-1', status);

    await expect(handler.execute(new ReadyOrderCommand('o-1'))).resolves.toBeUndefined();

    expect(kit.saved).toEqual([]);
    expect((await kit.orders.get('o-1')).status).toBe(status);
  });

  it.each(['pending', 'rejected', 'cancelled'] as const)('refuses a %s order with "the order cannot be readied" (not swallowed as in the reference)', async (status) => {
    await givenOrder(kit, 'o-1', status);

    const attempt = handler.execute(new ReadyOrderCommand('o-1'));

    await expect(attempt).rejects.toBeInstanceOf(OrderTransitionError);
    await expect(attempt).rejects.toThrow('the order cannot be readied');
    expect(kit.saved).toEqual([]);
  });

  it('answers an unknown order with NotFound', async () => {
    await expect(handler.execute(new ReadyOrderCommand('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
