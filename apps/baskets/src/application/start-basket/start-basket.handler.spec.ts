import { InvalidArgumentError } from '@mallbots/ddd';
import { BasketEventNames, BasketStatus } from '../../domain/index.js';
import { BasketsFixture } from '../testing/baskets.fixture.js';
import { StartBasketCommand } from './start-basket.command.js';
import { StartBasketHandler } from './start-basket.handler.js';

describe('StartBasketHandler', () => {
  let f: BasketsFixture;
  let handler: StartBasketHandler;

  beforeEach(() => {
    f = new BasketsFixture();
    handler = new StartBasketHandler(f.baskets);
  });

  it('Success: a new open basket with a random UUID, BasketStarted dispatched', async () => {
    const { id } = await handler.execute(new StartBasketCommand('c-1'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const basket = await f.baskets.get(id);
    expect([basket.customerId, basket.status]).toEqual(['c-1', BasketStatus.Open]);
    expect(f.dispatched.map((e) => [e.name, e.payload, e.metadata['aggregate-id']])).toEqual([[BasketEventNames.Started, { customerId: 'c-1' }, id]]);
  });

  it.each(['', '   '])('refuses a blank customer id %p, storing nothing', async (customerId) => {
    await expect(handler.execute(new StartBasketCommand(customerId))).rejects.toThrow(new InvalidArgumentError('the customer id cannot be blank'));
    expect(f.dispatched).toEqual([]);
  });

  it('SaveFailed: the error surfaces and nothing is dispatched', async () => {
    f.failAppend = new Error('database down');
    await expect(handler.execute(new StartBasketCommand('c-1'))).rejects.toThrow('database down');
    expect(f.dispatched).toEqual([]);
  });
});
