import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { Product } from './product.value.js';

const valid = { id: 'product-1', storeId: 'store-1', name: 'Wizard w/ crystal', price: Money.fromDecimal(9.98) };

describe('Product', () => {
  it.each<[string, Money]>([
    ['a price', Money.fromDecimal(9.98)],
    ['a zero price (a free give-away)', Money.zero],
  ])('keeps id, store, name and %s exactly, immutably', (_case, price) => {
    const product = Product.of({ ...valid, price });

    expect([product.id, product.storeId, product.name, product.price.cents, Object.isFrozen(product)]).toEqual([
      'product-1',
      'store-1',
      'Wizard w/ crystal',
      price.cents,
      true,
    ]);
  });

  it.each<[string, Partial<typeof valid>, string]>([
    ['a blank id', { id: '' }, 'the product id cannot be blank'],
    ['a whitespace id', { id: ' ' }, 'the product id cannot be blank'],
    ['a blank store id', { storeId: '' }, 'the store id cannot be blank'],
    ['a negative price', { price: Money.fromDecimal(-0.01) }, 'the product price cannot be negative'],
  ])('refuses %s', (_case, change, message) => {
    expect(() => Product.of({ ...valid, ...change })).toThrow(new InvalidArgumentError(message));
    expect(() => Product.of({ ...valid, ...change })).toThrow(InvalidArgumentError);
  });
});
