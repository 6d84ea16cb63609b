// Provider verification of depot-pub for cosec-sub: the replies to the saga's CreateShoppingList, InitiateShopping
// and CancelShoppingList (pacts/cosec-sub-depot-pub.json). Each producer sends the command, addressed as cosec
// addresses it, through libs/am's reply protocol into the real DepotCommandsConsumer and use cases on the depot's
// in-memory doubles (set up by the provider state), and returns the reply that was published.
import { describe, it } from '@jest/globals';
import { Header } from '@mallbots/am';
import { toPactMessage } from '@mallbots/am/testing';
import type { CancelShoppingList, CreateShoppingList, InitiateShopping } from '@mallbots/contracts/depot';
import { SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { DepotFixture } from '../../application/testing/depot.fixture.js';
import type { ShoppingListStatus } from '../../domain/index.js';
import { DepotMessage, depotRegistry } from './depot.messages.js';
import { deliverCommand, sagaCommandMessage } from './testing/depot.pact-harness.js';

const registry = depotRegistry();

const REPLY_HEADERS = [Header.ReplyOutcome, Header.ReplySagaId, Header.ReplySagaName, SagaHeader.ReplyStep, SagaHeader.ReplyCompensating, SagaHeader.ReplyAttempt];
const FAILURE_HEADERS = [...REPLY_HEADERS, Header.ReplyError];

/** The depot as the provider state leaves it, and the ids the state named. */
let depot = new DepotFixture();
let named: Record<string, string> = {};

async function givenList(params: Record<string, string> | undefined, status: ShoppingListStatus): Promise<void> {
  depot = new DepotFixture();
  named = { id: params?.['id'] ?? 'shopping-1' };
  await depot.storedList(status, named['id'], 'order-1');
}

/** `name` with `payload`, sent as the saga sends its step `step`, answered by the real consumer: the reply, as Pact sees it. */
async function replyTo<P>(name: string, payload: P, step: number, compensating: boolean, headerKeys: readonly string[]) {
  const replies = await deliverCommand(depot, sagaCommandMessage(name, payload, step, compensating));
  return toPactMessage(registry, replies.last(), headerKeys);
}

const createShoppingList = (headerKeys: readonly string[]) =>
  replyTo<CreateShoppingList>(DepotMessage.CreateShoppingList, { orderId: 'order-1', items: [{ productId: named['productId'] ?? 'p-1', storeId: named['storeId'] ?? 's-1', quantity: 2 }] }, 2, false, headerKeys);
const initiateShopping = (headerKeys: readonly string[]) => replyTo<InitiateShopping>(DepotMessage.InitiateShopping, { id: named['id']! }, 4, false, headerKeys);
const cancelShoppingList = (headerKeys: readonly string[]) => replyTo<CancelShoppingList>(DepotMessage.CancelShoppingList, { id: named['id']! }, 2, true, headerKeys);

describe('depot-pub (provider) for cosec-sub: the replies to the shopping-list commands', () => {
  it('answers the saga’s commands as the saga expects', async () => {
    await verifyMessageProvider({
      provider: 'depot-pub',
      consumers: ['cosec-sub'],
      stateHandlers: {
        'a store sells a product': async (_state, params) => {
          depot = new DepotFixture();
          named = { storeId: params?.['storeId'] ?? 's-1', productId: params?.['productId'] ?? 'p-1' };
          await depot.stores.created({ id: named['storeId']!, name: 'Nic & Naks', location: 'Level 1' });
          await depot.products.added({ id: named['productId']!, storeId: named['storeId']!, name: 'Wizard w/ crystal' });
        },
        'the depot knows no stores or products': async () => {
          depot = new DepotFixture(); // empty caches, and Stores knows nothing either
          named = {};
        },
        'a shopping list is pending': (_state, params) => givenList(params, 'pending'),
        'a shopping list is canceled': (_state, params) => givenList(params, 'canceled'),
        'a shopping list is completed': (_state, params) => givenList(params, 'completed'),
      },
      messageProviders: {
        'a CreatedShoppingList reply': () => createShoppingList(REPLY_HEADERS),
        'a failure reply to CreateShoppingList': () => createShoppingList(FAILURE_HEADERS),
        'a success reply to InitiateShopping': () => initiateShopping(REPLY_HEADERS),
        'a failure reply to InitiateShopping': () => initiateShopping(FAILURE_HEADERS),
        'a success reply to CancelShoppingList': () => cancelShoppingList(REPLY_HEADERS),
        'a failure reply to CancelShoppingList': () => cancelShoppingList(FAILURE_HEADERS),
      },
    });
  });
});
