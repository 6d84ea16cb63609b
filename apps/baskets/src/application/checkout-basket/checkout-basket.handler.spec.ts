import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import { BasketEventNames, BasketStatus, type BasketCheckedOutPayload } from '../../domain/index.js';
import { BasketsFixture, BROOM, WIZARD } from '../testing/baskets.fixture.js';
import { CheckoutBasketCommand } from './checkout-basket.command.js';
import { CheckoutBasketHandler } from './checkout-basket.handler.js';

describe('CheckoutBasketHandler', () => {
  let f: BasketsFixture;
  let handler: CheckoutBasketHandler;

  beforeEach(async () => {
    f = new BasketsFixture();
    await f.withCatalog();
    handler = new CheckoutBasketHandler(f.baskets);
  });

  it('Success: checks out with the payment id; BasketCheckedOut carries the customer and the lines', async () => {
    await f.openBasket('b-1', [[WIZARD, 2], [BROOM, 1]]);
    await handler.execute(new CheckoutBasketCommand('b-1', 'pay-1'));
    const basket = await f.baskets.get('b-1');
    expect([basket.status, basket.paymentId]).toEqual([BasketStatus.CheckedOut, 'pay-1']);
    const [event] = f.dispatched;
    expect(event!.name).toBe(BasketEventNames.CheckedOut);
    const payload = event!.payload as BasketCheckedOutPayload;
    expect({ ...payload, items: payload.items.map((i) => i.toJSON()) }).toEqual({
      customerId: 'c-1',
      paymentId: 'pay-1',
      items: [
        { storeId: 's-1', storeName: 'Store One', productId: 'p-1', productName: 'Wizard w/ crystal', price: 999, quantity: 2 },
        { storeId: 's-1', storeName: 'Store One', productId: 'p-2', productName: 'Broom', price: 1250, quantity: 1 },
      ],
    });
  });

  it('MissingPaymentID: refused, basket still open', async () => {
    await f.openBasket('b-1', [[WIZARD, 1]]);
    await expect(handler.execute(new CheckoutBasketCommand('b-1', ''))).rejects.toThrow(new InvalidArgumentError('the payment id cannot be blank'));
    expect((await f.baskets.get('b-1')).status).toBe(BasketStatus.Open);
  });

  it('refuses an empty basket and one already checked out', async () => {
    await f.openBasket();
    await expect(handler.execute(new CheckoutBasketCommand('b-1', 'pay-1'))).rejects.toThrow(new FailedPreconditionError('the basket has no items'));
    await f.openBasket('b-2', [[WIZARD, 1]]);
    await handler.execute(new CheckoutBasketCommand('b-2', 'pay-1'));
    await expect(handler.execute(new CheckoutBasketCommand('b-2', 'pay-2'))).rejects.toThrow(new FailedPreconditionError('the basket cannot be modified'));
  });

  it('NoBasket: NotFoundError', async () => {
    await expect(handler.execute(new CheckoutBasketCommand('nope', 'pay-1'))).rejects.toThrow(new NotFoundError('basket nope not found'));
  });

  it('SaveFailed: the error surfaces', async () => {
    await f.openBasket('b-1', [[WIZARD, 1]]);
    f.failAppend = new Error('database down');
    await expect(handler.execute(new CheckoutBasketCommand('b-1', 'pay-1'))).rejects.toThrow('database down');
  });
});
