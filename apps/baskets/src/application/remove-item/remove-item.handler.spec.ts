import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import { BasketEventNames } from '../../domain/index.js';
import { BasketsFixture, BROOM, WIZARD } from '../testing/baskets.fixture.js';
import { RemoveItemCommand } from './remove-item.command.js';
import { RemoveItemHandler } from './remove-item.handler.js';

describe('RemoveItemHandler', () => {
  let f: BasketsFixture;
  let handler: RemoveItemHandler;
  const lines = async () => (await f.baskets.get('b-1')).items.map((i) => [i.productId, i.quantity]);

  beforeEach(async () => {
    f = new BasketsFixture();
    await f.withCatalog();
    handler = new RemoveItemHandler(f.baskets, f.catalog);
  });

  it('Success: removing 1 of 2 leaves 1 (the reference’s off-by-one emptied the line); removing the rest removes it', async () => {
    await f.openBasket('b-1', [[WIZARD, 2], [BROOM, 1]]);
    await handler.execute(new RemoveItemCommand('b-1', 'p-1', 1));
    expect(await lines()).toEqual([['p-1', 1], ['p-2', 1]]);
    await handler.execute(new RemoveItemCommand('b-1', 'p-1', 5));
    expect(await lines()).toEqual([['p-2', 1]]);
    expect(f.dispatched.map((e) => [e.name, e.payload])).toEqual([
      [BasketEventNames.ItemRemoved, { productId: 'p-1', quantity: 1 }],
      [BasketEventNames.ItemRemoved, { productId: 'p-1', quantity: 1 }],
    ]);
  });

  it('removes a product the basket holds even after Stores removed it, without asking anyone', async () => {
    await f.openBasket('b-1', [[WIZARD, 1]]);
    await f.products.remove('p-1');
    await handler.execute(new RemoveItemCommand('b-1', 'p-1', 1));
    expect(await lines()).toEqual([]);
    expect(f.remote.calls).toEqual([]);
  });

  it('a known product the basket does not hold changes nothing (no event)', async () => {
    await f.openBasket('b-1', [[WIZARD, 1]]);
    await handler.execute(new RemoveItemCommand('b-1', 'p-2', 1));
    expect(await f.stored('b-1')).toEqual([BasketEventNames.Started, BasketEventNames.ItemAdded]);
  });

  it('NoProduct: an id no catalog knows answers "product was not located"', async () => {
    await f.openBasket('b-1', [[WIZARD, 1]]);
    await expect(handler.execute(new RemoveItemCommand('b-1', 'p-unknown', 1))).rejects.toThrow(new NotFoundError('product fallback failed: product was not located'));
    expect(f.remote.calls).toEqual(['GetProduct p-unknown']);
  });

  it('NoBasket: NotFoundError', async () => {
    await expect(handler.execute(new RemoveItemCommand('nope', 'p-1', 1))).rejects.toThrow(new NotFoundError('basket nope not found'));
  });

  it('refuses a negative quantity and a basket that is not open', async () => {
    const basket = await f.openBasket('b-1', [[WIZARD, 2]]);
    await expect(handler.execute(new RemoveItemCommand('b-1', 'p-1', -1))).rejects.toThrow(new InvalidArgumentError('the item quantity cannot be negative'));
    basket.cancel();
    await f.baskets.save(basket);
    await expect(handler.execute(new RemoveItemCommand('b-1', 'p-1', 1))).rejects.toThrow(new FailedPreconditionError('the basket cannot be modified'));
  });

  it('SaveFailed: the error surfaces and the line stays', async () => {
    await f.openBasket('b-1', [[WIZARD, 2]]);
    f.failAppend = new Error('database down');
    await expect(handler.execute(new RemoveItemCommand('b-1', 'p-1', 1))).rejects.toThrow('database down');
    f.failAppend = undefined;
    expect(await lines()).toEqual([['p-1', 2]]);
  });
});
