import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { type CreatedOrder, recordOfCreatedOrder, type ResolvedNames } from './order-record.js';
import { OrderStatus } from './order-status.js';

const names: ResolvedNames = {
  customerName: 'John Smith',
  product: (id) => ({ p1: { name: 'Wizard w/ crystal', storeId: 's1' }, p2: { name: 'Broom', storeId: 's2' } })[id],
  storeName: (id) => ({ s1: 'Nic & Naks', s2: 'Brooms R Us' })[id] ?? '',
};
const at = new Date('2024-05-01T10:00:00.000Z');
const order = (items: CreatedOrder['items'], id = 'o1'): CreatedOrder => ({ id, customerId: 'c1', paymentId: 'pay1', items, occurredAt: at });

describe('recordOfCreatedOrder', () => {
  it('denormalises names, totals exactly in cents and starts pending at the event’s time', () => {
    const record = recordOfCreatedOrder(
      order([
        { productId: 'p1', storeId: 's1', price: 0.1, quantity: 3 },
        { productId: 'p2', storeId: 's2', price: 12.5, quantity: 1 },
      ]),
      names,
    );
    expect(record).toEqual({
      orderId: 'o1',
      customerId: 'c1',
      customerName: 'John Smith',
      paymentId: 'pay1',
      items: [
        { productId: 'p1', storeId: 's1', productName: 'Wizard w/ crystal', storeName: 'Nic & Naks', price: Money.ofCents(10), quantity: 3 },
        { productId: 'p2', storeId: 's2', productName: 'Broom', storeName: 'Brooms R Us', price: Money.ofCents(1250), quantity: 1 },
      ],
      total: Money.ofCents(1280), // 0.1 × 3 in floats would be 0.30000000000000004
      status: OrderStatus.Pending,
      createdAt: at,
    });
  });

  it('keeps the order’s store for a line, using the product’s store only when the order names none', () => {
    const record = recordOfCreatedOrder(
      order([
        { productId: 'p1', storeId: 's2', price: 1, quantity: 1 },
        { productId: 'p2', storeId: '', price: 1, quantity: 1 },
      ]),
      names,
    );
    expect(record.items.map((l) => [l.storeId, l.storeName])).toEqual([
      ['s2', 'Brooms R Us'],
      ['s2', 'Brooms R Us'],
    ]);
  });

  it('leaves names empty for ids nobody knows instead of failing', () => {
    const record = recordOfCreatedOrder(order([{ productId: 'unknown', storeId: '', price: 2, quantity: 1 }]), { ...names, customerName: '' });
    expect(record.items[0]).toMatchObject({ productName: '', storeId: '', storeName: '' });
    expect(record.customerName).toBe('');
  });

  it.each([
    [order([], ' '), 'the order id cannot be blank'],
    [order([{ productId: 'p1', storeId: 's1', price: 1, quantity: 0 }]), 'the quantity 0 of product p1 is not a positive whole number'],
    [order([{ productId: 'p1', storeId: 's1', price: 1, quantity: 1.5 }]), 'the quantity 1.5 of product p1 is not a positive whole number'],
    [order([{ productId: 'p1', storeId: 's1', price: 1.005, quantity: 1 }]), 'the amount 1.005 has more than two decimal places'],
  ])('refuses a payload no order can have (%#)', (created, message) => {
    expect(() => recordOfCreatedOrder(created, names)).toThrow(new InvalidArgumentError(message));
  });
});
