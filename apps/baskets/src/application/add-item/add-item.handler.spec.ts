import { InvalidArgumentError, Money, NotFoundError, UnavailableError, FailedPreconditionError } from '@mallbots/ddd';
import { BasketEventNames } from '../../domain/index.js';
import { BasketsFixture, BROOM } from '../testing/baskets.fixture.js';
import { AddItemCommand } from './add-item.command.js';
import { AddItemHandler } from './add-item.handler.js';

describe('AddItemHandler', () => {
  let f: BasketsFixture;
  let handler: AddItemHandler;
  const lines = async () => (await f.baskets.get('b-1')).items.map((i) => [i.productId, i.storeName, i.price.cents, i.quantity]);

  beforeEach(async () => {
    f = new BasketsFixture();
    handler = new AddItemHandler(f.baskets, f.catalog);
  });

  it('Success: adds the product with its store from the caches, without asking Stores', async () => {
    await f.withCatalog();
    await f.openBasket();
    await handler.execute(new AddItemCommand('b-1', 'p-1', 2));
    await handler.execute(new AddItemCommand('b-1', 'p-1', 1)); // re-adding adds to the line
    await handler.execute(new AddItemCommand('b-1', 'p-2', 1));
    expect(await lines()).toEqual([
      ['p-1', 'Store One', 999, 3],
      ['p-2', 'Store One', 1250, 1],
    ]);
    expect((await f.baskets.get('b-1')).total()).toEqual(Money.fromDecimal(42.47));
    expect(f.dispatched.map((e) => e.name)).toEqual([BasketEventNames.ItemAdded, BasketEventNames.ItemAdded, BasketEventNames.ItemAdded]);
    expect(f.remote.calls).toEqual([]);
  });

  it('Success on a cache miss: asks Stores for the product and its store once, and caches both', async () => {
    await f.openBasket();
    f.remote.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', price: Money.fromDecimal(9.99) });
    f.remote.stores.set('s-1', { id: 's-1', name: 'Store One' });
    await handler.execute(new AddItemCommand('b-1', 'p-1', 1));
    await handler.execute(new AddItemCommand('b-1', 'p-1', 1));
    expect(f.remote.calls).toEqual(['GetProduct p-1', 'GetStore s-1']);
    expect(f.products.rows.get('p-1')).toMatchObject({ source: 'fallback', removed: false });
    expect(f.stores.rows.get('s-1')).toMatchObject({ source: 'fallback' });
    expect(await lines()).toEqual([['p-1', 'Store One', 999, 2]]);
  });

  it('NoBasket: NotFoundError, and Stores is not asked', async () => {
    await expect(handler.execute(new AddItemCommand('nope', 'p-1', 1))).rejects.toThrow(new NotFoundError('basket nope not found'));
    expect(f.remote.calls).toEqual([]);
    expect(await f.stored('nope')).toEqual([]);
  });

  it('NoProduct: the reference’s "product fallback failed: product was not located" (404)', async () => {
    await f.openBasket();
    const err = await handler.execute(new AddItemCommand('b-1', 'p-unknown', 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe('product fallback failed: product was not located');
    expect(await f.stored('b-1')).toEqual([BasketEventNames.Started]);
  });

  it('NoStore: "store fallback failed: store was not located" (404)', async () => {
    await f.openBasket();
    f.remote.products.set('p-9', { id: 'p-9', storeId: 's-9', name: 'Orphan', price: Money.ofCents(100) });
    await expect(handler.execute(new AddItemCommand('b-1', 'p-9', 1))).rejects.toThrow(new NotFoundError('store fallback failed: store was not located'));
    expect(await f.stored('b-1')).toEqual([BasketEventNames.Started]);
  });

  it('a removed product cannot be added, and Stores is not asked about it', async () => {
    await f.withCatalog();
    await f.products.remove('p-1');
    await f.openBasket();
    await expect(handler.execute(new AddItemCommand('b-1', 'p-1', 1))).rejects.toThrow('product fallback failed: product was not located');
    expect(f.remote.calls).toEqual([]);
  });

  it('a Stores outage keeps its kind (503) under the reference’s prefix', async () => {
    await f.openBasket();
    f.remote.failure = new UnavailableError('the stores service is unavailable (circuit open)');
    const err = await handler.execute(new AddItemCommand('b-1', 'p-1', 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect((err as Error).message).toBe('product fallback failed: the stores service is unavailable (circuit open)');
  });

  it.each([
    [-1, InvalidArgumentError, 'the item quantity cannot be negative'],
    [0, InvalidArgumentError, 'the item quantity cannot be zero'],
    [1.5, InvalidArgumentError, 'the item quantity must be a whole number'],
  ])('refuses quantity %p with the domain’s text, recording nothing', async (quantity, type, message) => {
    await f.withCatalog();
    await f.openBasket();
    const err = await handler.execute(new AddItemCommand('b-1', 'p-1', quantity)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toBe(message);
    expect(await f.stored('b-1')).toEqual([BasketEventNames.Started]);
  });

  it('refuses a basket that is not open', async () => {
    await f.withCatalog();
    const basket = await f.openBasket('b-1', [[BROOM, 1]]);
    basket.checkout('pay-1');
    await f.baskets.save(basket);
    await expect(handler.execute(new AddItemCommand('b-1', 'p-1', 1))).rejects.toThrow(new FailedPreconditionError('the basket cannot be modified'));
  });

  it('SaveFailed: the error surfaces and nothing is dispatched', async () => {
    await f.withCatalog();
    await f.openBasket();
    f.failAppend = new Error('database down');
    await expect(handler.execute(new AddItemCommand('b-1', 'p-1', 1))).rejects.toThrow('database down');
    expect(f.dispatched).toEqual([]);
    f.failAppend = undefined;
    expect(await lines()).toEqual([]);
  });
});
