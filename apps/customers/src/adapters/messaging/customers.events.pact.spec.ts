// Provider verification of customers-pub for the Customers events: the committed pacts of notifications and search
// (the replies to cosec's AuthorizeCustomer are verified in a spec of their own). Each message is produced by
// running the real use case and domain on an in-memory repository, with the real integration-event adapter writing
// to a recording outbox.
import { RecordingPublisher, toPactMessage } from '@mallbots/am/testing';
import { ConflictError, EventDispatcher, NotFoundError } from '@mallbots/ddd';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { ChangeSmsNumberCommand } from '../../application/change-sms-number/change-sms-number.command.js';
import { ChangeSmsNumberHandler } from '../../application/change-sms-number/change-sms-number.handler.js';
import { DisableCustomerCommand } from '../../application/disable-customer/disable-customer.command.js';
import { DisableCustomerHandler } from '../../application/disable-customer/disable-customer.handler.js';
import { EnableCustomerCommand } from '../../application/enable-customer/enable-customer.command.js';
import { EnableCustomerHandler } from '../../application/enable-customer/enable-customer.handler.js';
import type { CustomerRepository } from '../../application/ports/customer.repository.port.js';
import { RegisterCustomerCommand } from '../../application/register-customer/register-customer.command.js';
import { RegisterCustomerHandler } from '../../application/register-customer/register-customer.handler.js';
import { saveAndPublish } from '../../application/save-and-publish.js';
import { Customer, type CustomerState } from '../../domain/index.js';
import { CustomerIntegrationEvents } from './customer-integration-events.js';
import { customersRegistry } from './customers.messages.js';

/** The customers table in memory, with the PostgreSQL repository's contract (NotFound, optimistic lock). */
class InMemoryCustomers implements CustomerRepository {
  readonly rows = new Map<string, CustomerState>();

  async get(id: string): Promise<Customer> {
    const row = this.rows.get(id);
    if (!row) throw new NotFoundError(`customer ${id} not found`);
    return Customer.fromState(row);
  }

  async save(customer: Customer): Promise<void> {
    const stored = this.rows.get(customer.id);
    if (customer.version === 0 ? stored !== undefined : stored?.version !== customer.version) throw new ConflictError(`customer ${customer.id} was changed concurrently`);
    this.rows.set(customer.id, customer.toState());
    customer.commitEvents();
  }
}

describe('customers-pub (message provider): the Customers events notifications and search consume', () => {
  const registry = customersRegistry();
  let customers: InMemoryCustomers;
  let events: EventDispatcher;
  let outbox: RecordingPublisher;
  let customerId = '';

  const reset = () => {
    customers = new InMemoryCustomers();
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
  const produce = async (run: () => Promise<unknown>) => {
    const before = outbox.messages.length;
    await run();
    const published = outbox.messages.slice(before);
    if (published.length !== 1) throw new Error(`expected one message, got ${published.map((m) => m.name).join(', ') || 'none'}`);
    return toPactMessage(registry, published[0]!);
  };

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
