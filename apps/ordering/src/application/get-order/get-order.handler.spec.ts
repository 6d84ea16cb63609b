import { NotFoundError } from '@mallbots/ddd';
import { CreateOrderCommand } from '../create-order/create-order.command.js';
import { CreateOrderHandler } from '../create-order/create-order.handler.js';
import { checkoutItems, givenOrder, inMemoryOrders, INVOICE_ID, SHOPPING_ID, type OrdersKit } from '../orders.fixture.js';
import { GetOrderHandler } from './get-order.handler.js';
import { GetOrderQuery } from './get-order.query.js';

describe('GetOrderHandler', () => {
  let kit: OrdersKit;
  let handler: GetOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new GetOrderHandler(kit.orders);
  });

  it('returns the order with decimal prices, its status, and no shopping or invoice id yet', async () => {
    await new CreateOrderHandler(kit.orders).execute(new CreateOrderCommand('o-1', 'customer-1', 'payment-1', checkoutItems));

    await expect(handler.execute(new GetOrderQuery('o-1'))).resolves.toEqual({
      id: 'o-1',
      customerId: 'customer-1',
      paymentId: 'payment-1',
      items: [
        { storeId: 's-1', productId: 'p-1', storeName: 'Corner Store', productName: 'Widget', price: 1.1, quantity: 2 },
        { storeId: 's-2', productId: 'p-2', storeName: 'Mega Mart', productName: 'Gadget', price: 0.1, quantity: 1 },
      ],
      status: 'pending',
      shoppingId: '',
      invoiceId: '',
    });
  });

  it('returns the shopping and invoice ids of a completed order (read through its snapshot)', async () => {
    await givenOrder(kit, 'o-1', 'completed');

    await expect(handler.execute(new GetOrderQuery('o-1'))).resolves.toMatchObject({ status: 'completed', shoppingId: SHOPPING_ID, invoiceId: INVOICE_ID });
  });

  it('answers an unknown id with NotFound instead of an empty order', async () => {
    await expect(handler.execute(new GetOrderQuery('nope'))).rejects.toEqual(new NotFoundError('order nope not found'));
  });
});
