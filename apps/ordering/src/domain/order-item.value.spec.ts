import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { OrderItem, totalOf, type OrderItemProps } from './order-item.value.js';

const props: OrderItemProps = { productId: 'p1', storeId: 's1', storeName: 'Corner Store', productName: 'Widget', price: Money.fromDecimal(9.99), quantity: 3 };

describe('OrderItem', () => {
  it('is an immutable value with an exact subtotal', () => {
    const item = OrderItem.create(props);

    expect(item.subtotal()).toStrictEqual(Money.ofCents(2997));
    expect(Object.isFrozen(item)).toBe(true);
    expect(() => {
      (item as { quantity: number }).quantity = 4;
    }).toThrow(TypeError);
  });

  it('is equal to another item with the same fields, and only then', () => {
    const item = OrderItem.create(props);

    expect(item.equals(OrderItem.create({ ...props }))).toBe(true);
    expect(item.equals(OrderItem.create({ ...props, price: Money.fromDecimal(9.98) }))).toBe(false);
    expect(item.equals(OrderItem.create({ ...props, quantity: 2 }))).toBe(false);
    expect(item.equals(OrderItem.create({ ...props, productName: 'Other' }))).toBe(false);
  });

  it('stores its price as integer cents and reads it back exactly', () => {
    const item = OrderItem.create({ ...props, price: Money.fromDecimal(0.1) });
    const json = JSON.parse(JSON.stringify(item));

    expect(json).toEqual({ productId: 'p1', storeId: 's1', storeName: 'Corner Store', productName: 'Widget', price: 10, quantity: 3 });
    expect(OrderItem.fromJson(json)).toStrictEqual(item);
  });

  it('reads a stored item back without re-validating it (old events must always load)', () => {
    expect(OrderItem.fromJson({ productId: 'p1', storeId: 's1', storeName: '', productName: '', price: 100, quantity: 0 }).quantity).toBe(0);
  });

  it('refuses a stored price that is not whole cents (corrupt data fails loudly)', () => {
    expect(() => OrderItem.fromJson({ productId: 'p1', storeId: 's1', storeName: '', productName: '', price: 9.99, quantity: 1 })).toThrow(InvalidArgumentError);
  });

  it('names the offending line in validation errors', () => {
    expect(() => OrderItem.create({ ...props, quantity: 0 }, 'items[4]')).toThrow(
      expect.objectContaining({ details: [{ field: 'items[4].quantity', reason: 'the item quantity must be a positive whole number' }] }),
    );
  });

  it('totals nothing as zero and many lines to the exact cent', () => {
    expect(totalOf([])).toStrictEqual(Money.zero);
    const tenCents = OrderItem.create({ ...props, price: Money.fromDecimal(0.1), quantity: 1 });
    expect(totalOf(Array.from({ length: 10 }, () => tenCents)).toDecimal()).toBe(1);
  });
});
