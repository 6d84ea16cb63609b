// Provider verification of customers-pub for cosec-sub: the replies to the saga's AuthorizeCustomer
// (pacts/cosec-sub-customers-pub.json). Each producer sends an AuthorizeCustomer, addressed as cosec addresses it,
// through libs/am's reply protocol into the real CustomerCommandsConsumer and AuthorizeCustomerHandler on an
// in-memory repository set up by the provider state, and returns the reply that was published.
import { describe, it } from '@jest/globals';
import { Header } from '@mallbots/am';
import { toPactMessage } from '@mallbots/am/testing';
import { EventDispatcher } from '@mallbots/ddd';
import { SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { InMemoryCustomerRepository } from '../../application/testing/in-memory-customer.repository.js';
import { Customer } from '../../domain/index.js';
import { customersRegistry } from './customers.messages.js';
import { deliverCommand, sagaAuthorizeCustomer } from './testing/customers.pact-harness.js';

const registry = customersRegistry();

const REPLY_HEADERS = [Header.ReplyOutcome, Header.ReplySagaId, Header.ReplySagaName, SagaHeader.ReplyStep, SagaHeader.ReplyCompensating, SagaHeader.ReplyAttempt];

let customers = new InMemoryCustomerRepository();
let customerId = '';

async function givenCustomer(params: Record<string, string> | undefined, enabled: boolean): Promise<void> {
  customers = new InMemoryCustomerRepository();
  customerId = params?.['id'] ?? 'customer-1';
  const customer = Customer.register(customerId, 'Ann', '555-0100');
  if (!enabled) customer.disable();
  await customers.save(customer);
}

/** AuthorizeCustomer for the state's customer, as the saga sends it at step 1, answered by the real consumer. */
async function replyToAuthorizeCustomer(headerKeys: readonly string[]) {
  const replies = await deliverCommand(customers, new EventDispatcher(), sagaAuthorizeCustomer(customerId));
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
