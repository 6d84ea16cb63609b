import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { OrderCreatedEvent, OrderStatus, type OrderCreatedPayload } from '../../domain/index.js';
import { checkoutItems, inMemoryOrders, type OrdersKit } from '../orders.fixture.js';
import { CreateOrderCommand } from './create-order.command.js';
import { CreateOrderHandler } from './create-order.handler.js';

describe('CreateOrderHandler', () => {
  let kit: OrdersKit;
  let handler: CreateOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new CreateOrderHandler(kit.orders);
  });

  it('creates a pending order under the given id, with exact prices, and saves OrderCreated once', async () => {
    await expect(handler.execute(new CreateOrderCommand('basket-1', 'customer-1', 'payment-1', checkoutItems))).resolves.toEqual({ id: 'basket-1' });

    const order = await kit.orders.get('basket-1');
    expect(order.status).toBe(OrderStatus.Pending);
    expect(order.items.map((i) => [i.productId, i.storeName, i.productName, i.price.cents, i.quantity])).toEqual([
      ['p-1', 'Corner Store', 'Widget', 110, 2],
      ['p-2', 'Mega Mart', 'Gadget', 10, 1],
    ]);
    expect(kit.savedNames()).toEqual([OrderCreatedEvent]);
    const payload = kit.saved[0]!.payload as OrderCreatedPayload;
    expect(payload.total.equals(Money.ofCents(230))).toBe(true);
  });

  it('is idempotent: a checkout arriving again for an existing order changes nothing and is no error', async () => {
    await handler.execute(new CreateOrderCommand('basket-1', 'customer-1', 'payment-1', checkoutItems));
    kit.forget();

    await expect(handler.execute(new CreateOrderCommand('basket-1', 'customer-2', 'payment-2', checkoutItems.slice(1)))).resolves.toEqual({ id: 'basket-1' });

    expect(kit.saved).toEqual([]);
    expect((await kit.orders.get('basket-1')).customerId).toBe('customer-1');
    expect(await kit.eventStore.load('ordering.Order', 'basket-1')).toHaveLength(1);
  });

  it.each([
    ['no items', [], 'the order has no items', 'items'],
    ['a fraction of a cent', [{ ...checkoutItems[0]!, price: 1.234 }], 'the amount 1.234 has more than two decimal places', 'items[0].price'],
    ['a zero quantity', [checkoutItems[0]!, { ...checkoutItems[1]!, quantity: 0 }], 'the item quantity must be a positive whole number', 'items[1].quantity'],
    ['a negative price', [{ ...checkoutItems[0]!, price: -1 }], 'the item price cannot be negative', 'items[0].price'],
  ])('refuses an order with %s (InvalidArgument naming the field), storing nothing', async (_what, items, message, field) => {
    const attempt = handler.execute(new CreateOrderCommand('basket-1', 'customer-1', 'payment-1', items));

    await expect(attempt).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(attempt).rejects.toMatchObject({ message, details: [{ field }] });
    expect(kit.saved).toEqual([]);
    await expect(kit.orders.find('basket-1')).resolves.toBeUndefined();
  });

  it('refuses a blank customer id with the reference’s text', async () => {
    await expect(handler.execute(new CreateOrderCommand('basket-1', ' ', 'payment-1', checkoutItems))).rejects.toThrow('the customer id cannot be blank');
  });
});
