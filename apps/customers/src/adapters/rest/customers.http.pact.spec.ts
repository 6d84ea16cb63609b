// Provider verification of customers-api: the REST adapter as the service serves it — the platform's Nest
// application (createServiceApp: body limits, the whitelisting ValidationPipe), the real controller, command and
// query handlers and integration-event publisher, the platform's ErrorFilter — on a real HTTP port, with an
// in-memory repository behind the application's port (requirements §2.13). It verifies every committed pact naming
// customers-api (pacts/kiosk-customers-api.json).
import type { AddressInfo } from 'node:net';
import { type INestApplication, Module, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { ConflictError, EventDispatcher, NotFoundError } from '@mallbots/ddd';
import { createServiceApp, ErrorFilter, EVENT_PUBLISHER, loadServiceConfig } from '@mallbots/platform';
import { verifyHttpProvider } from '@mallbots/testing/pact';
import { AuthorizeCustomerHandler } from '../../application/authorize-customer/authorize-customer.handler.js';
import { ChangeSmsNumberHandler } from '../../application/change-sms-number/change-sms-number.handler.js';
import { DisableCustomerCommand } from '../../application/disable-customer/disable-customer.command.js';
import { DisableCustomerHandler } from '../../application/disable-customer/disable-customer.handler.js';
import { EnableCustomerHandler } from '../../application/enable-customer/enable-customer.handler.js';
import { GetCustomerHandler } from '../../application/get-customer/get-customer.handler.js';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../application/ports/customer.repository.port.js';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { RegisterCustomerHandler } from '../../application/register-customer/register-customer.handler.js';
import { Customer, type CustomerState } from '../../domain/index.js';
import { customersRegistry } from '../messaging/customers.messages.js';
import { CustomerIntegrationEvents } from '../messaging/customer-integration-events.js';
import { CustomersRestController } from './customers.rest.controller.js';

/** The `customers` table in a Map, with CustomerPgRepository's rules (its NotFound text, the optimistic lock). */
class InMemoryCustomerRepository implements CustomerRepository {
  readonly rows = new Map<string, CustomerState>();

  async get(id: string): Promise<Customer> {
    const row = this.rows.get(id);
    if (!row) throw new NotFoundError(`customer ${id} not found`);
    return Customer.fromState(row);
  }

  async save(customer: Customer): Promise<void> {
    const stored = this.rows.get(customer.id);
    if ((customer.version === 0 && stored) || (customer.version > 0 && stored?.version !== customer.version)) {
      throw new ConflictError(`customer ${customer.id} was changed concurrently; try again`);
    }
    this.rows.set(customer.id, customer.toState());
    customer.commitEvents();
  }
}

/** What the doubles hold; replaced after every interaction, so each starts from nothing but its own states. */
function emptyWorld() {
  return { customers: new InMemoryCustomerRepository(), outbox: new RecordingPublisher() };
}

/** A stand-in for a port that forwards every call to the current world's double. */
function delegate<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      const target = current();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let world = emptyWorld();

/** The providers of CustomersModule.forRoot with the doubles in place of PostgreSQL and NATS. */
const providers: Provider[] = [
  { provide: CUSTOMER_REPOSITORY, useValue: delegate(() => world.customers) },
  { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
  { provide: EVENT_PUBLISHER, useValue: delegate(() => world.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: customersRegistry() },
  { provide: APP_FILTER, useClass: ErrorFilter },
  RegisterCustomerHandler,
  AuthorizeCustomerHandler,
  EnableCustomerHandler,
  DisableCustomerHandler,
  ChangeSmsNumberHandler,
  GetCustomerHandler,
  CustomerIntegrationEvents,
];

@Module({
  imports: [CqrsModule.forRoot(), LoggerModule.forRoot({ pinoHttp: { level: 'warn' } })],
  controllers: [CustomersRestController],
  providers,
})
class CustomersRestUnderContract {}

interface CustomerExists {
  id: string;
  name: string;
  smsNumber: string;
  enabled?: boolean;
}

describe('customers-api (REST) honours the pacts of its consumers', () => {
  let app: INestApplication;
  let providerBaseUrl: string;

  beforeAll(async () => {
    // Only the HTTP settings matter here; nothing connects to PostgreSQL or NATS.
    const config = loadServiceConfig('customers', { PG_CONN: 'postgres://unused@127.0.0.1:1/unused', NATS_URL: 'nats://127.0.0.1:1', LOG_LEVEL: 'warn' });
    app = await createServiceApp({ config, module: CustomersRestUnderContract });
    await app.listen(0, '127.0.0.1');
    providerBaseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app?.close());

  const stateHandlers = {
    'a customer exists': {
      setup: async (params?: unknown) => {
        const { id, name, smsNumber, enabled = true } = params as CustomerExists;
        // Registered under the state's id (the REST registration would choose a random one), then disabled by the
        // application's own command when the state asks for it.
        await world.customers.save(Customer.register(id, name, smsNumber));
        if (!enabled) await app.get(CommandBus).execute(new DisableCustomerCommand(id));
      },
      teardown: async () => {
        world = emptyWorld();
      },
    },
  };

  it('verifies the committed pacts naming customers-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'customers-api', providerBaseUrl, stateHandlers });
  });
});
