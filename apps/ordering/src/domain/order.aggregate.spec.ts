import { AlreadyExistsError, InvalidArgumentError, Money } from '@mallbots/ddd';
import { Order, type CreateOrderDetails } from './order.aggregate.js';
import { OrderItem, type OrderItemProps } from './order-item.value.js';

const widget: OrderItemProps = { productId: 'p1', storeId: 's1', storeName: 'Corner Store', productName: 'Widget', price: Money.fromDecimal(1.1), quantity: 3 };
const gadget: OrderItemProps = { productId: 'p2', storeId: 's2', storeName: 'Mega Mart', productName: 'Gadget', price: Money.fromDecimal(4.35), quantity: 1 };
const details: CreateOrderDetails = { customerId: 'customer-1', paymentId: 'payment-1', items: [widget, gadget] };

/** A pending order whose creation is already saved, so `events` holds only what the test does. */
function pendingOrder(): Order {
  const order = Order.create('basket-1', details);
  order.commitEvents();
  return order;
}

describe('Order.create', () => {
  it('creates a pending order with the basket id, the customer, the payment and the items', () => {
    const order = Order.create('basket-1', details);

    expect(order.id).toBe('basket-1');
    expect(order.status).toBe('pending');
    expect([order.customerId, order.paymentId, order.shoppingId, order.invoiceId]).toEqual(['customer-1', 'payment-1', '', '']);
    expect(order.items).toStrictEqual([OrderItem.create(widget), OrderItem.create(gadget)]);
    expect(order.total()).toStrictEqual(Money.ofCents(765));
  });

  it('raises OrderCreated with customer, payment, items and total, and nothing else', () => {
    const order = Order.create('basket-1', details);

    expect(order.events).toHaveLength(1);
    expect(order.events[0]!.name).toBe('ordering.OrderCreated');
    expect(order.events[0]!.payload).toStrictEqual({
      customerId: 'customer-1',
      paymentId: 'payment-1',
      items: [OrderItem.create(widget), OrderItem.create(gadget)],
      total: Money.ofCents(765),
    });
  });

  it('keeps its own copy of the items: changing the caller array afterwards changes nothing', () => {
    const items = [widget];
    const order = Order.create('basket-1', { ...details, items });
    items.push(gadget);

    expect(order.items).toHaveLength(1);
  });

  const blank = ['', '   '];
  it.each([
    ['no items', { ...details, items: [] }, 'the order has no items', 'items'],
    ...blank.map((v) => [`customer id ${JSON.stringify(v)}`, { ...details, customerId: v }, 'the customer id cannot be blank', 'customerId'] as const),
    ...blank.map((v) => [`payment id ${JSON.stringify(v)}`, { ...details, paymentId: v }, 'the payment id cannot be blank', 'paymentId'] as const),
    ['a blank product id', { ...details, items: [widget, { ...gadget, productId: '' }] }, 'the product id cannot be blank', 'items[1].productId'],
    ['a blank store id', { ...details, items: [{ ...widget, storeId: ' ' }] }, 'the store id cannot be blank', 'items[0].storeId'],
    ['a zero quantity', { ...details, items: [{ ...widget, quantity: 0 }] }, 'the item quantity must be a positive whole number', 'items[0].quantity'],
    ['a negative quantity', { ...details, items: [{ ...widget, quantity: -1 }] }, 'the item quantity must be a positive whole number', 'items[0].quantity'],
    ['a fractional quantity', { ...details, items: [{ ...widget, quantity: 1.5 }] }, 'the item quantity must be a positive whole number', 'items[0].quantity'],
    ['a negative price', { ...details, items: [{ ...widget, price: Money.ofCents(-1) }] }, 'the item price cannot be negative', 'items[0].price'],
  ] as const)('refuses %s with InvalidArgumentError and raises nothing', (_case, input, message, field) => {
    const order = new Order('basket-1');

    expect(() => order.create(input as CreateOrderDetails)).toThrow(expect.objectContaining({ message, details: [{ field, reason: message }] }));
    expect(() => order.create(input as CreateOrderDetails)).toThrow(InvalidArgumentError);
    expect(order.events).toHaveLength(0);
    expect(order.status).toBe('');
  });

  it('refuses a blank order id', () => {
    expect(() => Order.create('', details)).toThrow(new InvalidArgumentError('the order id cannot be blank'));
  });

  it('checks in the reference order: recreate first, then items, customer, payment', () => {
    expect(() => pendingOrder().create({ customerId: '', paymentId: '', items: [] })).toThrow(AlreadyExistsError);
    expect(() => Order.create('b', { customerId: '', paymentId: '', items: [] })).toThrow('the order has no items');
    expect(() => Order.create('b', { customerId: '', paymentId: '', items: [widget] })).toThrow('the customer id cannot be blank');
  });

  it('accepts a free item (price 0): promotions are the basket’s business', () => {
    const order = Order.create('basket-1', { ...details, items: [{ ...widget, price: Money.zero }] });

    expect(order.total().isZero()).toBe(true);
  });
});

describe('Order event payloads', () => {
  it('approve records the shopping id and raises OrderApproved{customerId, paymentId, shoppingId}', () => {
    const order = pendingOrder();
    order.approve('shopping-1');

    expect(order.shoppingId).toBe('shopping-1');
    expect(order.events.map((e) => [e.name, e.payload])).toStrictEqual([
      ['ordering.OrderApproved', { customerId: 'customer-1', paymentId: 'payment-1', shoppingId: 'shopping-1' }],
    ]);
  });

  it('reject raises OrderRejected{customerId, paymentId}', () => {
    const order = pendingOrder();
    order.reject();

    expect(order.events.map((e) => [e.name, e.payload])).toStrictEqual([['ordering.OrderRejected', { customerId: 'customer-1', paymentId: 'payment-1' }]]);
  });

  it('cancel raises OrderCanceled{customerId, paymentId}', () => {
    const order = pendingOrder();
    order.cancel();

    expect(order.events.map((e) => [e.name, e.payload])).toStrictEqual([['ordering.OrderCanceled', { customerId: 'customer-1', paymentId: 'payment-1' }]]);
  });

  it('ready raises OrderReadied{customerId, paymentId, total} with the exact total to invoice', () => {
    const order = pendingOrder();
    order.approve('shopping-1');
    order.commitEvents();
    order.ready();

    expect(order.events.map((e) => [e.name, e.payload])).toStrictEqual([
      ['ordering.OrderReadied', { customerId: 'customer-1', paymentId: 'payment-1', total: Money.ofCents(765) }],
    ]);
  });

  it('names its invoice once readied: payments invoices an order under the order id', () => {
    const order = pendingOrder();
    order.approve('shopping-1');
    expect(order.invoiceId).toBe('');

    order.ready();

    expect(order.invoiceId).toBe(order.id);
  });

  it('complete records the invoice id and raises OrderCompleted{customerId, invoiceId}', () => {
    const order = pendingOrder();
    order.approve('shopping-1');
    order.ready();
    order.commitEvents();
    order.complete('invoice-1');

    expect(order.invoiceId).toBe('invoice-1');
    expect(order.shoppingId).toBe('shopping-1');
    expect(order.events.map((e) => [e.name, e.payload])).toStrictEqual([['ordering.OrderCompleted', { customerId: 'customer-1', invoiceId: 'invoice-1' }]]);
  });

  it.each([
    ['approve', (o: Order) => o.approve(' '), 'the shopping id cannot be blank', 'shoppingId'],
    ['complete', (o: Order) => o.complete(''), 'the invoice id cannot be blank', 'invoiceId'],
  ] as const)('%s refuses a blank id with InvalidArgumentError and no event', (_op, run, message, field) => {
    const order = pendingOrder();
    if (_op === 'complete') {
      order.approve('shopping-1');
      order.ready();
      order.commitEvents();
    }
    const status = order.status;

    expect(() => run(order)).toThrow(expect.objectContaining({ message, details: [{ field, reason: message }] }));
    expect(() => run(order)).toThrow(InvalidArgumentError);
    expect(order.events).toHaveLength(0);
    expect(order.status).toBe(status);
  });
});

describe('Order total (exact money)', () => {
  it.each([
    // Floats get several of these wrong: 1.1 * 3 = 3.3000000000000003, 0.1 + 0.2 = 0.30000000000000004,
    // 4.35 * 100 = 434.99999999999994.
    [[[1.1, 3]], 330],
    [[[0.1, 1], [0.2, 1]], 30],
    [[[19.99, 3], [0.01, 1]], 5998],
    [[[4.35, 100]], 43500],
    [[[1.1, 3], [4.35, 1]], 765],
    [[[99999.99, 1000]], 9999999000],
  ])('Σ price × quantity of %j is %p cents', (lines, cents) => {
    const items = lines.map(([price, quantity], i) => ({ ...widget, productId: `p${i}`, price: Money.fromDecimal(price!), quantity: quantity! }));
    const order = Order.create('basket-1', { ...details, items });

    expect(order.total().cents).toBe(cents);
    expect((order.events[0]!.payload as { total: Money }).total.cents).toBe(cents);
  });
});
