// Provider verification of payments-api: the REST adapter as the service serves it — the platform's Nest
// application (createServiceApp: body limits, the whitelisting ValidationPipe), the real controller, command and
// query handlers and integration-event publisher, the platform's ErrorFilter — on a real HTTP port, with the
// application's in-memory repositories (src/application/testing) behind its ports (requirements §2.13). It
// verifies every committed pact naming payments-api (pacts/kiosk-payments-api.json).
import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MESSAGE_REGISTRY } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { ResettableWorld, type RestContractApp, startRestContractApp, withTeardown } from '@mallbots/platform/testing';
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
const world = new ResettableWorld(() => ({ payments: new InMemoryPaymentRepository(), invoices: new InMemoryInvoiceRepository(), outbox: new RecordingPublisher() }));

/** The providers of PaymentsModule.forRoot with the doubles in place of PostgreSQL and NATS. */
const providers: Provider[] = [
  { provide: PAYMENT_REPOSITORY, useValue: world.port((w) => w.payments) },
  { provide: INVOICE_REPOSITORY, useValue: world.port((w) => w.invoices) },
  { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
  { provide: EVENT_PUBLISHER, useValue: world.port((w) => w.outbox) },
  { provide: MESSAGE_REGISTRY, useValue: paymentsRegistry() },
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

interface InvoiceExists {
  id: string;
  orderId?: string;
  paymentId: string;
  amount: number;
  status?: InvoiceStatus;
}

describe('payments-api (REST) honours the pacts of its consumers', () => {
  let rest: RestContractApp;
  beforeAll(async () => {
    rest = await startRestContractApp({ service: 'payments', controllers: [PaymentsRestController], providers });
  });
  afterAll(() => rest?.close());

  const stateHandlers = withTeardown(world.reset, {
    'an invoice exists': async (params?: unknown) => {
      const { id, orderId = id, paymentId, amount, status = 'pending' } = params as InvoiceExists;
      // Created as OrderReadied creates it, then moved on by the application's own commands.
      await world.current.invoices.save(Invoice.create({ id, orderId, paymentId, amount: Money.fromDecimal(amount) }));
      if (status === 'paid') await rest.app.get(CommandBus).execute(new PayInvoiceCommand(id));
      if (status === 'canceled') await rest.app.get(CommandBus).execute(new CancelInvoiceCommand(id));
    },
  });

  it('verifies the committed pacts naming payments-api (kiosk)', async () => {
    await verifyHttpProvider({ provider: 'payments-api', providerBaseUrl: rest.url, stateHandlers });
  });
});
