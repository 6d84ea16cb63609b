import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { moneyFromWire, toProductMessage, toStoreMessage } from './stores.wire.js';

describe('stores wire mapping', () => {
  it.each<[string, number | null | undefined, number]>([
    ['a price', 9.99, 999],
    ['a missing price (protojson’s default)', undefined, 0],
    ['a null price', null, 0],
    ['a float sum', 0.1 + 0.2, 30],
    ['a negative price (the domain decides)', -0.01, -1],
    ['a whole price', 12, 1200],
  ])('reads %s as exact cents', (_case, price, cents) => {
    expect(moneyFromWire(price).cents).toBe(cents);
  });

  it.each<[string, number]>([
    ['fractions of a cent', 9.999],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['an amount beyond exact cents', 1e20],
  ])('refuses %s as InvalidArgument (400 / INVALID_ARGUMENT)', (_case, price) => {
    expect(() => moneyFromWire(price)).toThrow(InvalidArgumentError);
  });

  it('sends prices as decimal numbers and only the API’s fields', () => {
    const view = { id: 'p', storeId: 's', name: 'Basket', description: '', sku: 'B', price: Money.ofCents(1999) };
    expect(toProductMessage(view)).toEqual({ id: 'p', storeId: 's', name: 'Basket', description: '', sku: 'B', price: 19.99 });
    expect(toStoreMessage({ id: 's', name: 'Mart', location: 'L1', participating: true, extra: 1 } as never)).toEqual({ id: 's', name: 'Mart', location: 'L1', participating: true });
  });
});
