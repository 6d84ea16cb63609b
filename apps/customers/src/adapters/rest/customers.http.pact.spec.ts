// Provider verification of customers-api: the REST adapter as the service serves it — the platform's Nest
// application (createServiceApp: body limits, the whitelisting ValidationPipe), the real controller, command and
// query handlers and integration-event publisher, the platform's ErrorFilter — on a real HTTP port, with an
// in-memory repository behind the application's port (requirements §2.13). It verifies every committed pact naming
// customers-api (pacts/kiosk-customers-api.json).
import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher } from '@mallbots/ddd';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { ResettableWorld, type RestContractApp, startRestContractApp, withTeardown } from '@mallbots/platform/testing';
import { verifyHttpProvider } from '@mallbots/testing/pact';
import { AuthorizeCustomerHandler } from '../../application/authorize-customer/authorize-customer.handler.js';
import { ChangeSmsNumberHandler } from '../../application/change-sms-number/change-sms-number.handler.js';
import { DisableCustomerCommand } from '../../application/disable-customer/disable-customer.command.js';
import { DisableCustomerHandler } from '../../application/disable-customer/disable-customer.handler.js';
import { EnableCustomerHandler } from '../../application/enable-customer/enable-customer.handler.js';
import { GetCustomerHandler } from '../../application/get-customer/get-customer.handler.js';
import { CUSTOMER_REPOSITORY } from '../../application/ports/customer.repository.port.js';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { RegisterCustomerHandler } from '../../application/register-customer/register-customer.handler.js';
import { InMemoryCustomerRepository } from '../../application/testing/in-memory-customer.repository.js';
import { Customer } from '../../domain/index.js';
import { customersRegistry } from '../messaging/customers.messages.js';
import { CustomerIntegrationEvents } from '../messaging/customer-integration-events.js';
import { CustomersRestController } from './customers.rest.controller.js';

/** What the doubles hold; replaced after every interaction, so each starts from nothing but its own states. */
const world = new ResettableWorld(() => ({ customers: new InMemoryCustomerRepository(), outbox: new RecordingPublisher() }));

/** The providers of CustomersModule.forRoot with the doubles in place of PostgreSQL and NATS. */
const providers: Provider[] = [
  { provide: CUSTOMER_REPOSITORY, useValue: world.port((w) => w.customers) },
  { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
  { provide: EVENT_PUBLISHER, useValue: world.port((w) => w.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: customersRegistry() },
  RegisterCustomerHandler,
  AuthorizeCustomerHandler,
  EnableCustomerHandler,
  DisableCustomerHandler,
  ChangeSmsNumberHandler,
  GetCustomerHandler,
  CustomerIntegrationEvents,
];

interface CustomerExists {
  id: string;
  name: string;
  smsNumber: string;
  enabled?: boolean;
}

describe('customers-api (REST) honours the pacts of its consumers', () => {
  let rest: RestContractApp;
  beforeAll(async () => {
    rest = await startRestContractApp({ service: 'customers', controllers: [CustomersRestController], providers });
  });
  afterAll(() => rest?.close());

  const stateHandlers = withTeardown(world.reset, {
    'a customer exists': async (params?: unknown) => {
      const { id, name, smsNumber, enabled = true } = params as CustomerExists;
      // Registered under the state's id (the REST registration would choose a random one), then disabled by the
      // application's own command when the state asks for it.
      await world.current.customers.save(Customer.register(id, name, smsNumber));
      if (!enabled) await rest.app.get(CommandBus).execute(new DisableCustomerCommand(id));
    },
  });

  it('verifies the committed pacts naming customers-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'customers-api', providerBaseUrl: rest.url, stateHandlers });
  });
});
