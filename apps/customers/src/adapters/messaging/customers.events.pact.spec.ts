// Provider verification of customers-pub for the Customers events: the committed pacts of notifications and search
// (the replies to cosec's AuthorizeCustomer are verified in a spec of their own). Each message is produced by
// running the real use case and domain on an in-memory repository, with the real integration-event adapter writing
// to a recording outbox.
import { producePactMessage, RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher } from '@mallbots/ddd';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { ChangeSmsNumberCommand } from '../../application/change-sms-number/change-sms-number.command.js';
import { ChangeSmsNumberHandler } from '../../application/change-sms-number/change-sms-number.handler.js';
import { DisableCustomerCommand } from '../../application/disable-customer/disable-customer.command.js';
import { DisableCustomerHandler } from '../../application/disable-customer/disable-customer.handler.js';
import { EnableCustomerCommand } from '../../application/enable-customer/enable-customer.command.js';
import { EnableCustomerHandler } from '../../application/enable-customer/enable-customer.handler.js';
import { RegisterCustomerCommand } from '../../application/register-customer/register-customer.command.js';
import { RegisterCustomerHandler } from '../../application/register-customer/register-customer.handler.js';
import { saveAndPublish } from '../../application/save-and-publish.js';
import { InMemoryCustomerRepository } from '../../application/testing/in-memory-customer.repository.js';
import { Customer } from '../../domain/index.js';
import { CustomerIntegrationEvents } from './customer-integration-events.js';
import { customersRegistry } from './customers.messages.js';

describe('customers-pub (message provider): the Customers events notifications and search consume', () => {
  const registry = customersRegistry();
  let customers: InMemoryCustomerRepository;
  let events: EventDispatcher;
  let outbox: RecordingPublisher;
  let customerId = '';

  const reset = () => {
    customers = new InMemoryCustomerRepository();
    events = new EventDispatcher();
    outbox = new RecordingPublisher();
    new CustomerIntegrationEvents(events, outbox, registry).onModuleInit();
  };
  /** Seeds the customer the state names through the use cases' own save-and-publish path. */
  const seed = async (params: Record<string, string> | undefined, enabled: boolean) => {
    reset();
    customerId = String(params?.['id']);
    const customer = Customer.register(customerId, String(params?.['name']), String(params?.['smsNumber']));
    if (!enabled) customer.disable();
    await saveAndPublish(customers, events, customer);
  };
  /** Runs one use case and answers the one message it published, as Pact sees it. */
  const produce = (run: () => Promise<unknown>) => producePactMessage(registry, outbox, run);

  it('produces every Customers event its consumers’ committed pacts expect', () =>
    verifyMessageProvider({
      provider: 'customers-pub',
      consumers: ['notifications-sub', 'search-sub'],
      stateHandlers: {
        'a customer exists': (_state, params) => seed(params, true),
        'a disabled customer exists': (_state, params) => seed(params, false),
      },
      messageProviders: {
        'a CustomerRegistered message': () => {
          reset();
          return produce(() => new RegisterCustomerHandler(customers, events).execute(new RegisterCustomerCommand('Customer ABC', '555-555-1212')));
        },
        'a CustomerSmsChanged message': () => produce(() => new ChangeSmsNumberHandler(customers, events).execute(new ChangeSmsNumberCommand(customerId, '555-555-1313'))),
        'a CustomerEnabled message': () => produce(() => new EnableCustomerHandler(customers, events).execute(new EnableCustomerCommand(customerId))),
        'a CustomerDisabled message': () => produce(() => new DisableCustomerHandler(customers, events).execute(new DisableCustomerCommand(customerId))),
      },
    }));
});
