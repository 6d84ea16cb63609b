// Customers' side of the create-order saga as its contract tests drive it: the real CustomerCommandsConsumer over
// the real AuthorizeCustomerHandler, behind libs/am's reply protocol. The consumer spec
// (customers.cosec-pub.pact.spec.ts) hands it the command a pact describes; the provider spec
// (customers.replies.pact.spec.ts) an AuthorizeCustomer addressed as cosec addresses it. Test code only (excluded
// from the app build by tsconfig.app.json).
import { commandHandler, type IncomingMessage } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import type { AuthorizeCustomer } from '@mallbots/contracts/customers';
import { type EventDispatcher, newId } from '@mallbots/ddd';
import { commandHeaders } from '@mallbots/sec';
import type { CommandBus } from '@nestjs/cqrs';
import { AuthorizeCustomerCommand } from '../../../application/authorize-customer/authorize-customer.command.js';
import { AuthorizeCustomerHandler } from '../../../application/authorize-customer/authorize-customer.handler.js';
import type { CustomerRepository } from '../../../application/ports/customer.repository.port.js';
import { CustomerCommandsConsumer } from '../customer-commands.consumer.js';
import { CustomersChannel, CustomersMessage, customersRegistry } from '../customers.messages.js';

const registry = customersRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [CustomersMessage.AuthorizeCustomer]: AuthorizeCustomer };

/** Where cosec's create-order saga takes its replies. */
export const SAGA_REPLIES = 'mallbots.cosec.replies.CreateOrder';

/**
 * Hands `command` to customers' command consumer over the real AuthorizeCustomer use case on `customers`, its
 * events dispatched to `dispatcher` (a bus that runs only that use case), through libs/am's reply protocol; returns
 * the recorder of the replies it published.
 */
export async function deliverCommand(customers: CustomerRepository, dispatcher: EventDispatcher, command: IncomingMessage): Promise<RecordingPublisher> {
  const authorize = new AuthorizeCustomerHandler(customers, dispatcher);
  const bus = {
    execute: async (c: unknown) => {
      if (c instanceof AuthorizeCustomerCommand) return authorize.execute(c);
      throw new Error(`unexpected command ${String(c)}`);
    },
  } as unknown as CommandBus;
  const consumer = new CustomerCommandsConsumer(bus);
  const replies = new RecordingPublisher();
  const handle = commandHandler<Commands>(registry, { [CustomersMessage.AuthorizeCustomer]: (c) => consumer.authorize(c) }, replies);
  await handle(command);
  return replies;
}

/** An AuthorizeCustomer for `customerId`, addressed as cosec's create-order saga for order-1 sends its step 1 (libs/sec). */
export function sagaAuthorizeCustomer(customerId: string): IncomingMessage {
  const now = new Date();
  return {
    id: newId(),
    name: CustomersMessage.AuthorizeCustomer,
    subject: CustomersChannel.Commands,
    payload: registry.serialize(CustomersMessage.AuthorizeCustomer, { id: customerId } satisfies AuthorizeCustomer),
    headers: commandHeaders({ replyChannel: SAGA_REPLIES, sagaId: 'order-1', sagaName: 'cosec.CreateOrder', step: 1, compensating: false, attempt: 1, causationId: 'order-created-1' }),
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'customer-commands',
  };
}
