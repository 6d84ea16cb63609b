// Contract customers-sub → cosec-pub: the create-order saga's AuthorizeCustomer, as customers' command consumer
// handles it — through libs/am's reply protocol into the real CustomerCommandsConsumer and AuthorizeCustomerHandler
// on an in-memory repository; the test checks the authorization and the reply sent back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { commandHandler, FailureReply, Header, type Message, SuccessReply } from '@mallbots/am';
import { fromPactMessage, RecordingPublisher, type PactDeliveredMessage } from '@mallbots/am/testing';
import type { AuthorizeCustomer } from '@mallbots/contracts/customers';
import { type DomainEvent, EventDispatcher, NotFoundError } from '@mallbots/ddd';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { AuthorizeCustomerCommand } from '../../application/authorize-customer/authorize-customer.command.js';
import { AuthorizeCustomerHandler } from '../../application/authorize-customer/authorize-customer.handler.js';
import type { CustomerRepository } from '../../application/ports/customer.repository.port.js';
import { Customer, CustomerEvent, type CustomerState } from '../../domain/index.js';
import { CustomerCommandsConsumer } from './customer-commands.consumer.js';
import { CustomersChannel, CustomersMessage, customersRegistry } from './customers.messages.js';

const { regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = customersRegistry();

/** The commands this consumer handles, by wire name, with their payloads. */
type Commands = { [CustomersMessage.AuthorizeCustomer]: AuthorizeCustomer };

const REPLIES = 'mallbots.cosec.replies.CreateOrder';

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

/** Customers' command consumer over the real use case; returns the replies and the events it dispatched. */
async function deliver(customers: InMemoryCustomers, delivered: PactDeliveredMessage): Promise<{ replies: Message[]; events: DomainEvent[] }> {
  const events: DomainEvent[] = [];
  const dispatcher = new EventDispatcher().subscribe(async (e) => void events.push(e));
  const authorize = new AuthorizeCustomerHandler(customers, dispatcher);
  const bus = {
    execute: async (command: unknown) => {
      if (command instanceof AuthorizeCustomerCommand) return authorize.execute(command);
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as CommandBus;
  const consumer = new CustomerCommandsConsumer(bus);
  const replies = new RecordingPublisher();
  const handle = commandHandler<Commands>(registry, { [CustomersMessage.AuthorizeCustomer]: (c) => consumer.authorize(c) }, replies);
  await handle(fromPactMessage(registry, delivered));
  return { replies: replies.messages, events };
}

async function customersWith(enabled: boolean): Promise<InMemoryCustomers> {
  const customers = new InMemoryCustomers();
  const customer = Customer.register('customer-1', 'Ann', '555-0100');
  if (!enabled) customer.disable();
  await customers.save(customer);
  return customers;
}

describe('customers-sub → cosec-pub (the saga command customers answers)', () => {
  const contract = consumerContract('customers-sub', 'cosec-pub');
  afterAll(() => contract.expectCommitted());

  it('authorizes the customer an AuthorizeCustomer names, answering am.Success, and a disabled one am.Failure', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('an order is created', { orderId: 'order-1', customerId: 'customer-1' })
      .expectsToReceive('an AuthorizeCustomer command', (b) =>
        b.withJSONContent({ id: nonBlank('customer-1') }).withMetadata({
          subject: CustomersChannel.Commands,
          name: CustomersMessage.AuthorizeCustomer,
          [Header.CommandReplyChannel]: REPLIES,
          [Header.CommandSagaId]: nonBlank('order-1'),
          [Header.CommandSagaName]: 'cosec.CreateOrder',
          [SagaHeader.CommandStep]: regex('^\\d+$', '1'),
          [SagaHeader.CommandCompensating]: regex('^(true|false)$', 'false'),
          [SagaHeader.CommandAttempt]: regex('^[1-9]\\d*$', '1'),
        }),
      )
      .executeTest(async (m) => {
        const sagaSend = {
          [Header.ReplySagaId]: 'order-1',
          [Header.ReplySagaName]: 'cosec.CreateOrder',
          [SagaHeader.ReplyStep]: '1',
          [SagaHeader.ReplyCompensating]: 'false',
          [SagaHeader.ReplyAttempt]: '1',
        };

        const enabled = await deliver(await customersWith(true), m);
        expect(enabled.events.map((e) => [e.name, e.payload])).toEqual([[CustomerEvent.Authorized, { id: 'customer-1' }]]);
        expect(enabled.replies).toEqual([
          expect.objectContaining({ name: SuccessReply, subject: REPLIES, headers: expect.objectContaining({ [Header.ReplyOutcome]: 'SUCCESS', ...sagaSend }) }),
        ]);

        // The same command for a disabled customer is refused, with the reason.
        const disabled = await deliver(await customersWith(false), m);
        expect(disabled.events).toEqual([]);
        expect(disabled.replies).toEqual([
          expect.objectContaining({
            name: FailureReply,
            subject: REPLIES,
            headers: expect.objectContaining({ [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'customer is not authorized', ...sagaSend }),
          }),
        ]);
      });
  });
});
