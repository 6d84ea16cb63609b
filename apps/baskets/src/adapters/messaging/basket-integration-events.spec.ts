import { RecordingPublisher } from '@mallbots/am/testing';
import type { BasketCheckedOut } from '@mallbots/contracts/baskets';
import { register } from 'prom-client';
import { BasketsFixture, BROOM, WIZARD } from '../../application/testing/baskets.fixture.js';
import { Basket } from '../../domain/index.js';
import { BasketIntegrationEvents } from './basket-integration-events.js';
import { BasketsChannel, BasketsMessage, basketsRegistry } from './baskets.messages.js';

describe('BasketIntegrationEvents', () => {
  const registry = basketsRegistry();
  let f: BasketsFixture;
  let publisher: RecordingPublisher;
  const count = async (name: string) => (await register.getSingleMetric(name)!.get()).values[0]?.value ?? 0;

  beforeEach(async () => {
    f = new BasketsFixture();
    await f.withCatalog();
    publisher = new RecordingPublisher();
    new BasketIntegrationEvents(f.dispatcher, publisher, registry).onModuleInit();
  });

  it('publishes BasketStarted and BasketCheckedOut with the contract’s payloads; item events stay internal', async () => {
    const checkedOutBefore = await count('baskets_checked_out_count');
    const basket = Basket.start('b-1', 'c-1');
    await f.baskets.save(basket);
    basket.addItem((await f.stores.find('s-1'))!, WIZARD, 2);
    basket.addItem((await f.stores.find('s-1'))!, BROOM, 1);
    basket.removeItem('p-2', 1);
    basket.addItem((await f.stores.find('s-1'))!, BROOM, 3);
    await f.baskets.save(basket);
    basket.checkout('pay-1');
    await f.baskets.save(basket);

    expect(publisher.names()).toEqual([BasketsMessage.BasketStarted, BasketsMessage.BasketCheckedOut]);
    expect(publisher.messages.map((m) => m.subject)).toEqual([BasketsChannel.Events, BasketsChannel.Events]);
    // The message id is the domain event's id: broker and inbox de-duplication key on it.
    expect(publisher.messages.map((m) => m.id)).toEqual([f.dispatched[0]!.id, f.dispatched.at(-1)!.id]);
    expect(registry.deserialize(BasketsMessage.BasketStarted, publisher.messages[0]!.payload)).toEqual({ id: 'b-1', customerId: 'c-1' });
    expect(registry.deserialize<BasketCheckedOut>(BasketsMessage.BasketCheckedOut, publisher.last().payload)).toEqual({
      id: 'b-1',
      customerId: 'c-1',
      paymentId: 'pay-1',
      items: [
        { storeId: 's-1', productId: 'p-1', storeName: 'Store One', productName: 'Wizard w/ crystal', price: 9.99, quantity: 2 },
        { storeId: 's-1', productId: 'p-2', storeName: 'Store One', productName: 'Broom', price: 12.5, quantity: 3 },
      ],
    });
    expect(await count('baskets_checked_out_count')).toBe(checkedOutBefore + 1);
  });

  it('publishes BasketCanceled with the basket id', async () => {
    const canceledBefore = await count('baskets_canceled_count');
    const basket = Basket.start('b-2', 'c-1');
    basket.cancel();
    await f.baskets.save(basket);
    expect(publisher.names()).toEqual([BasketsMessage.BasketStarted, BasketsMessage.BasketCanceled]);
    expect(registry.deserialize(BasketsMessage.BasketCanceled, publisher.last().payload)).toEqual({ id: 'b-2' });
    expect(await count('baskets_canceled_count')).toBe(canceledBefore + 1);
  });
});
