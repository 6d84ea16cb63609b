import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '@mallbots/ddd';
import { createOrderData, type CreatedOrder } from './create-order-data.js';

const order: CreatedOrder = {
  id: 'order-1',
  customerId: 'customer-1',
  paymentId: 'payment-1',
  items: [
    { productId: 'p-1', storeId: 's-1', price: 0.1, quantity: 3 },
    { productId: 'p-2', storeId: 's-2', price: 9.99, quantity: 1 },
  ],
};

describe('createOrderData', () => {
  it('keeps the order, its lines and a total summed in whole cents (0.1 × 3 is 0.3, not 0.30000000000000004)', () => {
    expect(createOrderData(order)).toEqual({ orderId: 'order-1', customerId: 'customer-1', paymentId: 'payment-1', items: order.items, total: 10.29 });
  });

  it.each([
    [{ ...order, id: ' ' }, 'the order id cannot be blank'],
    [{ ...order, customerId: '' }, 'the customer id cannot be blank'],
    [{ ...order, paymentId: '' }, 'the payment id cannot be blank'],
    [{ ...order, items: [] }, 'order order-1 has no items'],
    [{ ...order, items: [{ productId: 'p', storeId: 's', price: 1, quantity: 0 }] }, 'the quantity 0 of product p is not a positive whole number'],
    [{ ...order, items: [{ productId: 'p', storeId: 's', price: -1, quantity: 1 }] }, 'the price -1 of product p is negative'],
    [{ ...order, items: [{ productId: 'p', storeId: 's', price: 0.001, quantity: 1 }] }, 'the amount 0.001 has more than two decimal places'],
  ])('refuses an order the saga could never run (%#)', (bad, message) => {
    expect(() => createOrderData(bad)).toThrow(new InvalidArgumentError(message));
  });
});
