import type { MessageRegistry } from '@mallbots/am';
import { RecordingPublisher } from '@mallbots/am/testing';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { Invoice } from '../../domain/index.js';
import { InvoiceIntegrationEvents } from './invoice-integration-events.js';
import { PaymentsChannel, PaymentsMessage, paymentsRegistry } from './payments.messages.js';

describe('InvoiceIntegrationEvents', () => {
  const setup = () => {
    const events = new EventDispatcher();
    const publisher = new RecordingPublisher();
    const registry: MessageRegistry = paymentsRegistry();
    new InvoiceIntegrationEvents(events, publisher, registry).onModuleInit();
    return { events, publisher, registry };
  };
  const invoice = () => Invoice.create({ id: 'invoice-1', orderId: 'order-1', paymentId: 'payment-1', amount: Money.fromDecimal(9.99) });

  it('publishes paymentsapi.InvoicePaid{id, order_id} on the invoice channel under the domain event’s id', async () => {
    const { events, publisher, registry } = setup();
    const paid = invoice();
    paid.commitEvents();
    paid.pay();
    const [event] = paid.events;
    await events.publish(event!);

    expect(publisher.messages).toHaveLength(1);
    const message = publisher.last();
    expect(message).toMatchObject({ id: event!.id, name: PaymentsMessage.InvoicePaid, subject: PaymentsChannel.InvoiceEvents, occurredAt: event!.occurredAt });
    expect(registry.deserialize(message.name, message.payload)).toEqual({ id: 'invoice-1', orderId: 'order-1' });
  });

  it('publishes nothing for the invoice’s other events (they have no integration contract)', async () => {
    const { events, publisher } = setup();
    const created = invoice();
    created.adjust(Money.fromDecimal(1));
    created.cancel();
    await events.publish(...created.events);
    expect(publisher.messages).toEqual([]);
  });
});
