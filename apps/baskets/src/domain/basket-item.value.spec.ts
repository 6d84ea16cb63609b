import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { assertItemQuantity, BasketItem } from './basket-item.value.js';
import { Product } from './product.value.js';
import { Store } from './store.value.js';

const books = Store.of({ id: 'store-1', name: 'Waldorf Books' });
const bookmark = Product.of({ id: 'product-2', storeId: 'store-1', name: 'Bookmark', price: Money.fromDecimal(0.1) });

describe('BasketItem', () => {
  it('copies the store and product details it is built from', () => {
    const item = BasketItem.of(books, bookmark, 3);

    expect(item.toJSON()).toEqual({ storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-2', productName: 'Bookmark', price: 10, quantity: 3 });
    expect(Object.isFrozen(item)).toBe(true);
  });

  it.each<[number, string]>([
    [1, '0.10'],
    [3, '0.30'],
    [10, '1.00'],
    [1_000_000, '100000.00'],
  ])('%p × 0.10 totals exactly %s', (quantity, total) => {
    expect(BasketItem.of(books, bookmark, quantity).total().toString()).toBe(total);
  });

  it('withQuantity returns a new line and leaves the original alone', () => {
    const item = BasketItem.of(books, bookmark, 1);

    const more = item.withQuantity(4);

    expect([item.quantity, more.quantity, more.productId, more.price.cents]).toEqual([1, 4, 'product-2', 10]);
  });

  it('survives a JSON round trip with its price exact', () => {
    const item = BasketItem.of(books, Product.of({ id: 'p', storeId: 'store-1', name: 'P', price: Money.fromDecimal(1234567.89) }), 2);

    const back = BasketItem.fromJson(JSON.parse(JSON.stringify(item)));

    expect(back).toBeInstanceOf(BasketItem);
    expect(back).toEqual(item);
    expect(back.price.toDecimal()).toBe(1234567.89);
  });

  it('refuses a product of another store', () => {
    const toys = Store.of({ id: 'store-2', name: 'Toy Planet' });

    expect(() => BasketItem.of(toys, bookmark, 1)).toThrow(new InvalidArgumentError('the product does not belong to the store'));
    expect(() => BasketItem.of(toys, bookmark, 1)).toThrow(InvalidArgumentError);
  });
});

describe('assertItemQuantity', () => {
  it.each([1, 2, 2_147_483_647])('accepts %p', (quantity) => {
    expect(() => assertItemQuantity(quantity)).not.toThrow();
  });

  it.each<[number, string]>([
    [-1, 'the item quantity cannot be negative'],
    [-2.5, 'the item quantity cannot be negative'],
    [Number.NEGATIVE_INFINITY, 'the item quantity cannot be negative'],
    [0, 'the item quantity cannot be zero'],
    [-0, 'the item quantity cannot be zero'],
    [0.5, 'the item quantity must be a whole number'],
    [Number.NaN, 'the item quantity must be a whole number'],
    [Number.POSITIVE_INFINITY, 'the item quantity must be a whole number'],
    [2 ** 53, 'the item quantity must be a whole number'],
  ])('refuses %p: "%s"', (quantity, message) => {
    expect(() => assertItemQuantity(quantity)).toThrow(new InvalidArgumentError(message));
    expect(() => assertItemQuantity(quantity)).toThrow(InvalidArgumentError);
  });
});
