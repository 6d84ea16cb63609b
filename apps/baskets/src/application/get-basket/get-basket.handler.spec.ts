import { Money, NotFoundError } from '@mallbots/ddd';
import { BasketStatus } from '../../domain/index.js';
import { BasketsFixture, BROOM, STORE, WIZARD } from '../testing/baskets.fixture.js';
import { GetBasketHandler } from './get-basket.handler.js';
import { GetBasketQuery } from './get-basket.query.js';

describe('GetBasketHandler', () => {
  let f: BasketsFixture;
  let handler: GetBasketHandler;

  beforeEach(async () => {
    f = new BasketsFixture();
    await f.withCatalog();
    handler = new GetBasketHandler(f.baskets);
  });

  it('returns the lines in the order first added, the status, the customer and the exact total', async () => {
    // 5 events: the repository (snapshot every 3 here) loads from a snapshot plus newer events.
    const basket = await f.openBasket('b-1', [[BROOM, 1], [WIZARD, 2]]);
    basket.addItem(STORE, WIZARD, 1);
    basket.addItem(STORE, BROOM, 2);
    await f.baskets.save(basket);
    const view = await handler.execute(new GetBasketQuery('b-1'));
    expect(view).toEqual({
      id: 'b-1',
      customerId: 'c-1',
      paymentId: undefined,
      status: BasketStatus.Open,
      items: [
        { storeId: 's-1', storeName: 'Store One', productId: 'p-2', productName: 'Broom', price: Money.ofCents(1250), quantity: 3 },
        { storeId: 's-1', storeName: 'Store One', productId: 'p-1', productName: 'Wizard w/ crystal', price: Money.ofCents(999), quantity: 3 },
      ],
      total: Money.fromDecimal(67.47),
    });
    expect(await f.snapshots.load('baskets.Basket', 'b-1')).toMatchObject({ streamVersion: 3 });
  });

  it('answers an unknown id with NotFoundError (the reference answered an empty basket)', async () => {
    await expect(handler.execute(new GetBasketQuery('nope'))).rejects.toThrow(new NotFoundError('basket nope not found'));
  });
});
