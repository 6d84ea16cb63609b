// Ordering's side of the create-order saga as its contract tests drive it: the real OrderCommandsConsumer over the
// real ApproveOrder and RejectOrder use cases, behind libs/am's reply protocol. The consumer spec
// (ordering.cosec-pub.pact.spec.ts) hands it the command a pact describes; the provider spec
// (ordering.events.pact.spec.ts) a command addressed as cosec addresses it. Test code only (excluded from the app
// build by tsconfig.app.json).
import { commandHandler, type IncomingMessage } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import type { ApproveOrder, RejectOrder } from '@mallbots/contracts/ordering';
import { newId } from '@mallbots/ddd';
import { commandHeaders } from '@mallbots/sec';
import type { CommandBus } from '@nestjs/cqrs';
import { ApproveOrderCommand } from '../../../application/approve-order/approve-order.command.js';
import { ApproveOrderHandler } from '../../../application/approve-order/approve-order.handler.js';
import type { OrderRepository } from '../../../application/ports/order.repository.port.js';
import { RejectOrderCommand } from '../../../application/reject-order/reject-order.command.js';
import { RejectOrderHandler } from '../../../application/reject-order/reject-order.handler.js';
import { OrderCommandsConsumer } from '../order-commands.consumer.js';
import { OrderingChannel, OrderingMessage, orderingRegistry } from '../ordering.messages.js';

const registry = orderingRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [OrderingMessage.ApproveOrder]: ApproveOrder; [OrderingMessage.RejectOrder]: RejectOrder };

/** Where cosec's create-order saga takes its replies. */
export const SAGA_REPLIES = 'mallbots.cosec.replies.CreateOrder';

/**
 * Hands `command` to ordering's command consumer over the real use cases on `orders` (a bus that runs only those),
 * through libs/am's reply protocol; returns the recorder of the replies it published.
 */
export async function deliverCommand(orders: OrderRepository, command: IncomingMessage): Promise<RecordingPublisher> {
  const approve = new ApproveOrderHandler(orders);
  const reject = new RejectOrderHandler(orders);
  const bus = {
    execute: async (c: unknown) => {
      if (c instanceof ApproveOrderCommand) return approve.execute(c);
      if (c instanceof RejectOrderCommand) return reject.execute(c);
      throw new Error(`unexpected command ${String(c)}`);
    },
  } as unknown as CommandBus;
  const consumer = new OrderCommandsConsumer(bus);
  const replies = new RecordingPublisher();
  const handle = commandHandler<Commands>(
    registry,
    {
      [OrderingMessage.ApproveOrder]: (c) => consumer.approve(c),
      [OrderingMessage.RejectOrder]: (c) => consumer.reject(c),
    },
    replies,
  );
  await handle(command);
  return replies;
}

/** `name` with `payload`, addressed as cosec's create-order saga for `sagaId` sends its step `step` (libs/sec). */
export function sagaCommandMessage<P>(name: string, payload: P, step: number, compensating: boolean, sagaId: string): IncomingMessage {
  const now = new Date();
  return {
    id: newId(),
    name,
    subject: OrderingChannel.Commands,
    payload: registry.serialize(name, payload),
    headers: commandHeaders({ replyChannel: SAGA_REPLIES, sagaId, sagaName: 'cosec.CreateOrder', step, compensating, attempt: 1, causationId: newId() }),
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'ordering-commands',
  };
}
