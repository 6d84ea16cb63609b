import { NotFoundError } from '@mallbots/ddd';
import { OrderApprovedEvent, OrderStatus, OrderTransitionError } from '../../domain/index.js';
import { givenOrder, inMemoryOrders, SHOPPING_ID, type OrdersKit } from '../orders.fixture.js';
import { ApproveOrderCommand } from './approve-order.command.js';
import { ApproveOrderHandler } from './approve-order.handler.js';

describe('ApproveOrderHandler', () => {
  let kit: OrdersKit;
  let handler: ApproveOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new ApproveOrderHandler(kit.orders);
  });

  it('approves a pending order, records the shopping id and saves OrderApproved with the customer and payment ids', async () => {
    await givenOrder(kit, 'o-1', 'pending');

    await handler.execute(new ApproveOrderCommand('o-1', 'shopping-9'));

    const order = await kit.orders.get('o-1');
    expect([order.status, order.shoppingId]).toEqual([OrderStatus.Approved, 'shopping-9']);
    expect(kit.saved.map((e) => [e.name, e.payload])).toEqual([[OrderApprovedEvent, { customerId: 'customer-1', paymentId: 'payment-1', shoppingId: 'shopping-9' }]]);
  });

  it.each(['approved', 'ready', 'completed'] as const)('answers success without a new event when the %s order was approved with this shopping list', async (status) => {
    await givenOrder(kit, 'o-1', status);

    await handler.execute(new ApproveOrderCommand('o-1', SHOPPING_ID));

    expect(kit.saved).toEqual([]);
    expect((await kit.orders.get('o-1')).status).toBe(status);
  });

  it.each([
    ['approved', 'another-list'],
    ['cancelled', SHOPPING_ID],
    ['rejected', SHOPPING_ID],
  ] as const)('refuses a %s order (shopping id %s) with "the order cannot be approved"', async (status, shoppingId) => {
    await givenOrder(kit, 'o-1', status);

    const attempt = handler.execute(new ApproveOrderCommand('o-1', shoppingId));

    await expect(attempt).rejects.toBeInstanceOf(OrderTransitionError);
    await expect(attempt).rejects.toThrow('the order cannot be approved');
    expect(kit.saved).toEqual([]);
  });

  it('answers an unknown order with NotFound and creates no stream', async () => {
    await expect(handler.execute(new ApproveOrderCommand('nope', SHOPPING_ID))).rejects.toEqual(new NotFoundError('order nope not found'));
    expect(await kit.eventStore.load('ordering.Order', 'nope')).toEqual([]);
  });
});
