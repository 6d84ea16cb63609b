// Contract customers-sub → cosec-pub: the create-order saga's AuthorizeCustomer, as customers' command consumer
// handles it — through libs/am's reply protocol into the real CustomerCommandsConsumer and AuthorizeCustomerHandler
// on an in-memory repository; the test checks the authorization and the reply sent back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { FailureReply, Header, type Message, SuccessReply } from '@mallbots/am';
import { fromPactMessage, type PactDeliveredMessage } from '@mallbots/am/testing';
import { type DomainEvent, EventDispatcher } from '@mallbots/ddd';
import { SagaHeader } from '@mallbots/sec';
import { consumerContract } from '@mallbots/testing/pact';
import { InMemoryCustomerRepository } from '../../application/testing/in-memory-customer.repository.js';
import { Customer, CustomerEvent } from '../../domain/index.js';
import { CustomersChannel, CustomersMessage, customersRegistry } from './customers.messages.js';
import { deliverCommand, SAGA_REPLIES as REPLIES } from './testing/customers.pact-harness.js';

const { regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = customersRegistry();

/** Customers' command consumer over the real use case; returns the replies and the events it dispatched. */
async function deliver(customers: InMemoryCustomerRepository, delivered: PactDeliveredMessage): Promise<{ replies: Message[]; events: DomainEvent[] }> {
  const events: DomainEvent[] = [];
  const dispatcher = new EventDispatcher().subscribe(async (e) => void events.push(e));
  const replies = await deliverCommand(customers, dispatcher, fromPactMessage(registry, delivered));
  return { replies: replies.messages, events };
}

async function customersWith(enabled: boolean): Promise<InMemoryCustomerRepository> {
  const customers = new InMemoryCustomerRepository();
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
