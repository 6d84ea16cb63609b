import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eventMessage, MESSAGE_REGISTRY, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import { type EventDispatcher, MetadataKeys } from '@mallbots/ddd';
import type { InvoicePaid } from '@mallbots/contracts/payments';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { InvoiceEventName, type InvoicePaidEvent } from '../../domain/index.js';
import { PaymentsChannel, PaymentsMessage } from './payments.messages.js';

/**
 * Turns `payments.InvoicePaid` into `paymentsapi.InvoicePaid{id, order_id}` on mallbots.payments.events.Invoice
 * (reference-behaviour §3.6; ordering completes the order from it, requirements §6.4), written to the outbox in the
 * same transaction as the status change (F05). The domain event id is the message id, so a retried request that
 * re-raises nothing publishes nothing, and a republished row is de-duplicated downstream. The invoice's other
 * domain events have no integration contract (the reference publishes InvoicePaid only) and stay in-process.
 */
@Injectable()
export class InvoiceIntegrationEvents implements OnModuleInit {
  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(EVENT_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(MESSAGE_REGISTRY) private readonly registry: MessageRegistry,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<InvoicePaidEvent>((e) => this.invoicePaid(e), InvoiceEventName.InvoicePaid);
  }

  private async invoicePaid(event: InvoicePaidEvent): Promise<void> {
    // The invoice id travels as the event's aggregate-id (libs/ddd AggregateRoot), not in the payload.
    const id = event.metadata[MetadataKeys.AggregateId];
    if (!id) throw new Error(`${event.name} ${event.id} has no ${MetadataKeys.AggregateId}`);
    const payload: InvoicePaid = { id, orderId: event.payload.orderId };
    await this.publisher.publish([
      eventMessage(this.registry, PaymentsChannel.InvoiceEvents, { id: event.id, name: PaymentsMessage.InvoicePaid, payload, occurredAt: event.occurredAt }),
    ]);
  }
}
