import { FailedPreconditionError, NotFoundError } from '@mallbots/ddd';
import { BasketEventNames, BasketStatus } from '../../domain/index.js';
import { BasketsFixture, WIZARD } from '../testing/baskets.fixture.js';
import { CancelBasketCommand } from './cancel-basket.command.js';
import { CancelBasketHandler } from './cancel-basket.handler.js';

describe('CancelBasketHandler', () => {
  let f: BasketsFixture;
  let handler: CancelBasketHandler;

  beforeEach(async () => {
    f = new BasketsFixture();
    await f.withCatalog();
    handler = new CancelBasketHandler(f.baskets);
  });

  it('Success: cancels and empties an open basket', async () => {
    await f.openBasket('b-1', [[WIZARD, 2]]);
    await handler.execute(new CancelBasketCommand('b-1'));
    const basket = await f.baskets.get('b-1');
    expect([basket.status, basket.items, basket.total().cents]).toEqual([BasketStatus.Canceled, [], 0]);
    expect(f.dispatched.map((e) => e.name)).toEqual([BasketEventNames.Canceled]);
  });

  it('refuses a basket that is not open with the reference’s text', async () => {
    await f.openBasket();
    await handler.execute(new CancelBasketCommand('b-1'));
    await expect(handler.execute(new CancelBasketCommand('b-1'))).rejects.toThrow(new FailedPreconditionError('the basket cannot be cancelled'));
  });

  it('NoBasket: NotFoundError', async () => {
    await expect(handler.execute(new CancelBasketCommand('nope'))).rejects.toThrow(new NotFoundError('basket nope not found'));
  });

  it('SaveFailed: the error surfaces and the basket stays open', async () => {
    await f.openBasket();
    f.failAppend = new Error('database down');
    await expect(handler.execute(new CancelBasketCommand('b-1'))).rejects.toThrow('database down');
    f.failAppend = undefined;
    expect((await f.baskets.get('b-1')).status).toBe(BasketStatus.Open);
  });

  it('PublishFailed: a failing event handler fails the command (in the service, the transaction rolls back)', async () => {
    await f.openBasket();
    f.dispatcher.subscribe(() => {
      throw new Error('outbox down');
    });
    await expect(handler.execute(new CancelBasketCommand('b-1'))).rejects.toThrow('outbox down');
  });
});
