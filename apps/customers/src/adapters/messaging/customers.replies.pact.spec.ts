// Provider verification of customers-pub for cosec-sub: the replies to the saga's AuthorizeCustomer
// (pacts/cosec-sub-customers-pub.json). Each producer sends an AuthorizeCustomer, addressed as cosec addresses it,
// through libs/am's reply protocol into the real CustomerCommandsConsumer and AuthorizeCustomerHandler on an
// in-memory repository set up by the provider state, and returns the reply that was published.
import { describe, it } from '@jest/globals';
import { commandHandler, Header, type IncomingMessage } from '@mallbots/am';
import { RecordingPublisher, toPactMessage } from '@mallbots/am/testing';
import type { AuthorizeCustomer } from '@mallbots/contracts/customers';
import { EventDispatcher, newId, NotFoundError } from '@mallbots/ddd';
import { commandHeaders, SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { AuthorizeCustomerCommand } from '../../application/authorize-customer/authorize-customer.command.js';
import { AuthorizeCustomerHandler } from '../../application/authorize-customer/authorize-customer.handler.js';
import type { CustomerRepository } from '../../application/ports/customer.repository.port.js';
import { Customer, type CustomerState } from '../../domain/index.js';
import { CustomerCommandsConsumer } from './customer-commands.consumer.js';
import { CustomersChannel, CustomersMessage, customersRegistry } from './customers.messages.js';

const registry = customersRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [CustomersMessage.AuthorizeCustomer]: AuthorizeCustomer };

const REPLY_HEADERS = [Header.ReplyOutcome, Header.ReplySagaId, Header.ReplySagaName, SagaHeader.ReplyStep, SagaHeader.ReplyCompensating, SagaHeader.ReplyAttempt];

/** The customers table in memory, with the PostgreSQL repository's contract (NotFound for an unknown id). */
class InMemoryCustomers implements CustomerRepository {
  readonly rows = new Map<string, CustomerState>();

  async get(id: string): Promise<Customer> {
    const row = this.rows.get(id);
    if (!row) throw new NotFoundError(`customer ${id} not found`);
    return Customer.fromState(row);
  }

  async save(customer: Customer): Promise<void> {
    this.rows.set(customer.id, customer.toState());
    customer.commitEvents();
  }
}

let customers = new InMemoryCustomers();
let customerId = '';

async function givenCustomer(params: Record<string, string> | undefined, enabled: boolean): Promise<void> {
  customers = new InMemoryCustomers();
  customerId = params?.['id'] ?? 'customer-1';
  const customer = Customer.register(customerId, 'Ann', '555-0100');
  if (!enabled) customer.disable();
  await customers.save(customer);
}

/** AuthorizeCustomer for the state's customer, as the saga sends it at step 1, answered by the real consumer. */
async function replyToAuthorizeCustomer(headerKeys: readonly string[]) {
  const authorize = new AuthorizeCustomerHandler(customers, new EventDispatcher());
  const bus = {
    execute: async (command: unknown) => {
      if (command instanceof AuthorizeCustomerCommand) return authorize.execute(command);
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as CommandBus;
  const consumer = new CustomerCommandsConsumer(bus);
  const replies = new RecordingPublisher();
  const handle = commandHandler<Commands>(registry, { [CustomersMessage.AuthorizeCustomer]: (c) => consumer.authorize(c) }, replies);
  const now = new Date();
  const command: IncomingMessage = {
    id: newId(),
    name: CustomersMessage.AuthorizeCustomer,
    subject: CustomersChannel.Commands,
    payload: registry.serialize(CustomersMessage.AuthorizeCustomer, { id: customerId } satisfies AuthorizeCustomer),
    headers: commandHeaders({ replyChannel: 'mallbots.cosec.replies.CreateOrder', sagaId: 'order-1', sagaName: 'cosec.CreateOrder', step: 1, compensating: false, attempt: 1, causationId: 'order-created-1' }),
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'customer-commands',
  };
  await handle(command);
  return toPactMessage(registry, replies.last(), headerKeys);
}

describe('customers-pub (provider) for cosec-sub: the replies to AuthorizeCustomer', () => {
  it('answers AuthorizeCustomer as the saga expects', async () => {
    await verifyMessageProvider({
      provider: 'customers-pub',
      consumers: ['cosec-sub'],
      stateHandlers: {
        'a customer is enabled': (_state, params) => givenCustomer(params, true),
        'a customer is disabled': (_state, params) => givenCustomer(params, false),
      },
      messageProviders: {
        'a success reply to AuthorizeCustomer': () => replyToAuthorizeCustomer(REPLY_HEADERS),
        'a failure reply to AuthorizeCustomer': () => replyToAuthorizeCustomer([...REPLY_HEADERS, Header.ReplyError]),
      },
    });
  });
});
