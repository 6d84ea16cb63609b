// Provider verification of payments-api: the REST adapter as the service serves it — the platform's Nest
// application (createServiceApp: body limits, the whitelisting ValidationPipe), the real controller, command and
// query handlers and integration-event publisher, the platform's ErrorFilter — on a real HTTP port, with the
// application's in-memory repositories (src/application/testing) behind its ports (requirements §2.13). It
// verifies every committed pact naming payments-api (pacts/kiosk-payments-api.json).
import type { AddressInfo } from 'node:net';
import { type INestApplication, Module, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { createServiceApp, ErrorFilter, EVENT_PUBLISHER, loadServiceConfig } from '@mallbots/platform';
import { verifyHttpProvider } from '@mallbots/testing/pact';
import { AdjustInvoiceHandler } from '../../application/adjust-invoice/adjust-invoice.handler.js';
import { AuthorizePaymentHandler } from '../../application/authorize-payment/authorize-payment.handler.js';
import { CancelInvoiceCommand } from '../../application/cancel-invoice/cancel-invoice.command.js';
import { CancelInvoiceHandler } from '../../application/cancel-invoice/cancel-invoice.handler.js';
import { CancelOrderInvoiceHandler } from '../../application/cancel-order-invoice/cancel-order-invoice.handler.js';
import { ConfirmPaymentHandler } from '../../application/confirm-payment/confirm-payment.handler.js';
import { CreateInvoiceHandler } from '../../application/create-invoice/create-invoice.handler.js';
import { GetInvoiceHandler } from '../../application/get-invoice/get-invoice.handler.js';
import { PayInvoiceCommand } from '../../application/pay-invoice/pay-invoice.command.js';
import { PayInvoiceHandler } from '../../application/pay-invoice/pay-invoice.handler.js';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { INVOICE_REPOSITORY } from '../../application/ports/invoice.repository.port.js';
import { PAYMENT_REPOSITORY } from '../../application/ports/payment.repository.port.js';
import { InMemoryInvoiceRepository, InMemoryPaymentRepository } from '../../application/testing/in-memory-repositories.js';
import { Invoice, type InvoiceStatus } from '../../domain/index.js';
import { InvoiceIntegrationEvents } from '../messaging/invoice-integration-events.js';
import { paymentsRegistry } from '../messaging/payments.messages.js';
import { PaymentsRestController } from './payments.rest.controller.js';

/** What the doubles hold; replaced after every interaction, so each starts from nothing but its own states. */
function emptyWorld() {
  return { payments: new InMemoryPaymentRepository(), invoices: new InMemoryInvoiceRepository(), outbox: new RecordingPublisher() };
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

/** The providers of PaymentsModule.forRoot with the doubles in place of PostgreSQL and NATS. */
const providers: Provider[] = [
  { provide: PAYMENT_REPOSITORY, useValue: delegate(() => world.payments) },
  { provide: INVOICE_REPOSITORY, useValue: delegate(() => world.invoices) },
  { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
  { provide: EVENT_PUBLISHER, useValue: delegate(() => world.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: paymentsRegistry() },
  { provide: APP_FILTER, useClass: ErrorFilter },
  AuthorizePaymentHandler,
  ConfirmPaymentHandler,
  CreateInvoiceHandler,
  AdjustInvoiceHandler,
  PayInvoiceHandler,
  CancelInvoiceHandler,
  CancelOrderInvoiceHandler,
  GetInvoiceHandler,
  InvoiceIntegrationEvents,
];

@Module({
  imports: [CqrsModule.forRoot(), LoggerModule.forRoot({ pinoHttp: { level: 'warn' } })],
  controllers: [PaymentsRestController],
  providers,
})
class PaymentsRestUnderContract {}

interface InvoiceExists {
  id: string;
  orderId?: string;
  paymentId: string;
  amount: number;
  status?: InvoiceStatus;
}

describe('payments-api (REST) honours the pacts of its consumers', () => {
  let app: INestApplication;
  let providerBaseUrl: string;

  beforeAll(async () => {
    // Only the HTTP settings matter here; nothing connects to PostgreSQL or NATS.
    const config = loadServiceConfig('payments', { PG_CONN: 'postgres://unused@127.0.0.1:1/unused', NATS_URL: 'nats://127.0.0.1:1', LOG_LEVEL: 'warn' });
    app = await createServiceApp({ config, module: PaymentsRestUnderContract });
    await app.listen(0, '127.0.0.1');
    providerBaseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app?.close());

  const stateHandlers = {
    'an invoice exists': {
      setup: async (params?: unknown) => {
        const { id, orderId = id, paymentId, amount, status = 'pending' } = params as InvoiceExists;
        // Created as OrderReadied creates it, then moved on by the application's own commands.
        await world.invoices.save(Invoice.create({ id, orderId, paymentId, amount: Money.fromDecimal(amount) }));
        if (status === 'paid') await app.get(CommandBus).execute(new PayInvoiceCommand(id));
        if (status === 'canceled') await app.get(CommandBus).execute(new CancelInvoiceCommand(id));
      },
      teardown: async () => {
        world = emptyWorld();
      },
    },
  };

  it('verifies the committed pacts naming payments-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'payments-api', providerBaseUrl, stateHandlers });
  });
});
