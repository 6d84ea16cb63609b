// The depot's side of the create-order saga as its contract tests drive it: the real DepotCommandsConsumer over the
// real use cases on the fixture's doubles, behind libs/am's reply protocol. The consumer spec
// (depot.cosec-pub.pact.spec.ts) hands it the command a pact describes; the provider spec (depot.replies.pact.spec.ts)
// a command addressed as cosec addresses it. Test code only (excluded from the app build by tsconfig.app.json).
import { commandHandler, type IncomingMessage } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import type { CancelShoppingList, CreateShoppingList, InitiateShopping } from '@mallbots/contracts/depot';
import { newId } from '@mallbots/ddd';
import { commandHeaders } from '@mallbots/sec';
import type { CommandBus } from '@nestjs/cqrs';
import { CancelShoppingListCommand } from '../../../application/cancel-shopping-list/cancel-shopping-list.command.js';
import { CancelShoppingListHandler } from '../../../application/cancel-shopping-list/cancel-shopping-list.handler.js';
import { CreateShoppingListCommand } from '../../../application/create-shopping-list/create-shopping-list.command.js';
import { CreateShoppingListHandler } from '../../../application/create-shopping-list/create-shopping-list.handler.js';
import { InitiateShoppingCommand } from '../../../application/initiate-shopping/initiate-shopping.command.js';
import { InitiateShoppingHandler } from '../../../application/initiate-shopping/initiate-shopping.handler.js';
import type { DepotFixture } from '../../../application/testing/depot.fixture.js';
import { DepotCommandsConsumer } from '../depot-commands.consumer.js';
import { DepotChannel, DepotMessage, depotRegistry } from '../depot.messages.js';

const registry = depotRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [DepotMessage.CreateShoppingList]: CreateShoppingList; [DepotMessage.CancelShoppingList]: CancelShoppingList; [DepotMessage.InitiateShopping]: InitiateShopping };

/** Where cosec's create-order saga takes its replies. */
export const SAGA_REPLIES = 'mallbots.cosec.replies.CreateOrder';

/**
 * Hands `command` to the depot's command consumer over the real use cases on the fixture's doubles (a bus that runs
 * only those), through libs/am's reply protocol; returns the recorder of the replies it published.
 */
export async function deliverCommand(f: DepotFixture, command: IncomingMessage): Promise<RecordingPublisher> {
  const create = new CreateShoppingListHandler(f.lists, f.dispatcher, f.catalog);
  const cancel = new CancelShoppingListHandler(f.lists, f.dispatcher);
  const initiate = new InitiateShoppingHandler(f.lists, f.dispatcher);
  const bus = {
    execute: async (c: unknown) => {
      if (c instanceof CreateShoppingListCommand) return create.execute(c);
      if (c instanceof CancelShoppingListCommand) return cancel.execute(c);
      if (c instanceof InitiateShoppingCommand) return initiate.execute(c);
      throw new Error(`unexpected command ${String(c)}`);
    },
  } as unknown as CommandBus;
  const consumer = new DepotCommandsConsumer(bus);
  const replies = new RecordingPublisher();
  const handle = commandHandler<Commands>(
    registry,
    {
      [DepotMessage.CreateShoppingList]: (c) => consumer.createShoppingList(c),
      [DepotMessage.CancelShoppingList]: (c) => consumer.cancelShoppingList(c),
      [DepotMessage.InitiateShopping]: (c) => consumer.initiateShopping(c),
    },
    replies,
  );
  await handle(command);
  return replies;
}

/** `name` with `payload`, addressed as cosec's create-order saga for order-1 sends its step `step` (libs/sec). */
export function sagaCommandMessage<P>(name: string, payload: P, step: number, compensating: boolean): IncomingMessage {
  const now = new Date();
  return {
    id: newId(),
    name,
    subject: DepotChannel.Commands,
    payload: registry.serialize(name, payload),
    headers: commandHeaders({ replyChannel: SAGA_REPLIES, sagaId: 'order-1', sagaName: 'cosec.CreateOrder', step, compensating, attempt: 1, causationId: newId() }),
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'depot-commands',
  };
}
