// Provider verification of payments-pub for the Payments events: ordering's pact on InvoicePaid (cosec's replies
// are verified in a spec of their own). The message is produced by running the real PayInvoice use case and domain
// on the in-memory repository, with the real integration-event adapter writing to a recording outbox.
import { producePactMessage, RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { PayInvoiceCommand } from '../../application/pay-invoice/pay-invoice.command.js';
import { PayInvoiceHandler } from '../../application/pay-invoice/pay-invoice.handler.js';
import { InMemoryInvoiceRepository } from '../../application/testing/in-memory-repositories.js';
import { InvoiceIntegrationEvents } from './invoice-integration-events.js';
import { paymentsRegistry } from './payments.messages.js';

describe('payments-pub (message provider): the Payments events ordering consumes', () => {
  const registry = paymentsRegistry();
  let invoices: InMemoryInvoiceRepository;
  let events: EventDispatcher;
  let outbox: RecordingPublisher;
  let invoiceId = '';

  /** Runs one use case and answers the one message it published, as Pact sees it. */
  const produce = (run: () => Promise<unknown>) => producePactMessage(registry, outbox, run);

  it('produces every Payments event its consumers’ committed pacts expect', () =>
    verifyMessageProvider({
      provider: 'payments-pub',
      consumers: ['ordering-sub'],
      stateHandlers: {
        'a pending invoice exists': async (_state, params) => {
          invoices = new InMemoryInvoiceRepository();
          events = new EventDispatcher();
          outbox = new RecordingPublisher();
          new InvoiceIntegrationEvents(events, outbox, registry).onModuleInit();
          // As CreateInvoice leaves it: pending, under its order's id.
          invoiceId = invoices.seed({ orderId: String(params?.['orderId']), amount: Money.fromDecimal(49.95) }).id;
        },
      },
      messageProviders: {
        'an InvoicePaid message': () => produce(() => new PayInvoiceHandler(invoices, events).execute(new PayInvoiceCommand(invoiceId))),
      },
    }));
});
