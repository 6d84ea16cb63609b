// Provider verification of depot-pub for the Depot events: ordering's pact on ShoppingListCompleted (cosec's
// replies are verified in a spec of their own). The message is produced by running the real CompleteShoppingList
// use case and domain on the in-memory repository (the test fixture), with the real integration-event adapter
// writing to a recording outbox.
import { producePactMessage, RecordingPublisher } from '@mallbots/am/testing';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { CompleteShoppingListCommand } from '../../application/complete-shopping-list/complete-shopping-list.command.js';
import { CompleteShoppingListHandler } from '../../application/complete-shopping-list/complete-shopping-list.handler.js';
import { DepotFixture } from '../../application/testing/depot.fixture.js';
import { depotRegistry } from './depot.messages.js';
import { ShoppingListIntegrationEvents } from './shopping-list-integration-events.js';

describe('depot-pub (message provider): the Depot events ordering consumes', () => {
  const registry = depotRegistry();
  let f: DepotFixture;
  let outbox: RecordingPublisher;
  let listId = '';

  /** Runs one use case and answers the one message it published, as Pact sees it. */
  const produce = (run: () => Promise<unknown>) => producePactMessage(registry, outbox, run);

  it('produces every Depot event its consumers’ committed pacts expect', () =>
    verifyMessageProvider({
      provider: 'depot-pub',
      consumers: ['ordering-sub'],
      stateHandlers: {
        'an assigned shopping list exists': async (_state, params) => {
          f = new DepotFixture();
          outbox = new RecordingPublisher();
          new ShoppingListIntegrationEvents(f.dispatcher, outbox, registry).onModuleInit();
          listId = String(params?.['id']);
          await f.storedList('assigned', listId, String(params?.['orderId']));
        },
      },
      messageProviders: {
        'a ShoppingListCompleted message': () => produce(() => new CompleteShoppingListHandler(f.lists, f.dispatcher).execute(new CompleteShoppingListCommand(listId))),
      },
    }));
});
