// Provider verification of baskets-pub: every committed pact on the Baskets events (ordering's BasketCheckedOut).
// The message is produced by running the real CheckoutBasket handler and domain on the event-sourced repository
// (in-memory stores, the test fixture), with the real integration-event adapter writing to a recording outbox.
import { producePactMessage, RecordingPublisher } from '@mallbots/am/testing';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { CheckoutBasketCommand } from '../../application/checkout-basket/checkout-basket.command.js';
import { CheckoutBasketHandler } from '../../application/checkout-basket/checkout-basket.handler.js';
import { BasketsFixture, BROOM, STORE, WIZARD } from '../../application/testing/baskets.fixture.js';
import { Basket } from '../../domain/index.js';
import { BasketIntegrationEvents } from './basket-integration-events.js';
import { basketsRegistry } from './baskets.messages.js';

describe('baskets-pub (message provider): the Baskets events ordering consumes', () => {
  const registry = basketsRegistry();
  let f: BasketsFixture;
  let outbox: RecordingPublisher;
  let basketId = '';

  /** Runs one use case and answers the one message it published, as Pact sees it. */
  const produce = (run: () => Promise<unknown>) => producePactMessage(registry, outbox, run);

  it('produces every Baskets event its consumers’ committed pacts expect', () =>
    verifyMessageProvider({
      provider: 'baskets-pub',
      stateHandlers: {
        'an open basket with items exists': async (_state, params) => {
          f = await new BasketsFixture().withCatalog();
          outbox = new RecordingPublisher();
          new BasketIntegrationEvents(f.dispatcher, outbox, registry).onModuleInit();
          basketId = String(params?.['id']);
          const basket = Basket.start(basketId, String(params?.['customerId']));
          basket.addItem(STORE, WIZARD, 5);
          basket.addItem(STORE, BROOM, 1);
          await f.baskets.save(basket);
        },
      },
      messageProviders: {
        'a BasketCheckedOut message': () => produce(() => new CheckoutBasketHandler(f.baskets).execute(new CheckoutBasketCommand(basketId, 'payment-id'))),
      },
    }));
});
