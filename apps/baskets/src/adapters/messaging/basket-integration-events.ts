import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eventMessage, MESSAGE_REGISTRY, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import type { BasketCanceled as BasketCanceledMessage, BasketCheckedOut as BasketCheckedOutMessage, BasketStarted as BasketStartedMessage } from '@mallbots/contracts/baskets';
import { type DomainEvent, type EventDispatcher, MetadataKeys } from '@mallbots/ddd';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { Counter, register } from 'prom-client';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { BasketEventNames, type BasketCanceled, type BasketCheckedOut, type BasketStarted } from '../../domain/index.js';
import { BasketsChannel, BasketsMessage } from './baskets.messages.js';

/**
 * Turns the basket's domain events into the `basketsapi.*` integration events (reference-behaviour §3.2, C12),
 * written to the outbox in the save's transaction: they are published if and only if the change commits. The
 * event id becomes the message id (broker and inbox de-duplication). BasketItemAdded/Removed stay internal, as in
 * the reference. Also counts the reference's business metrics.
 */
@Injectable()
export class BasketIntegrationEvents implements OnModuleInit {
  private readonly started = counter('baskets_started_count', 'Baskets started');
  private readonly checkedOut = counter('baskets_checked_out_count', 'Baskets checked out');
  private readonly canceled = counter('baskets_canceled_count', 'Baskets canceled');

  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(EVENT_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(MESSAGE_REGISTRY) private readonly registry: MessageRegistry,
  ) {}

  onModuleInit(): void {
    this.events
      .subscribe<BasketStarted>(async (e) => {
        await this.publish<BasketStartedMessage>(e, BasketsMessage.BasketStarted, { id: basketId(e), customerId: e.payload.customerId });
        this.started.inc();
      }, BasketEventNames.Started)
      .subscribe<BasketCanceled>(async (e) => {
        await this.publish<BasketCanceledMessage>(e, BasketsMessage.BasketCanceled, { id: basketId(e) });
        this.canceled.inc();
      }, BasketEventNames.Canceled)
      .subscribe<BasketCheckedOut>(async (e) => {
        await this.publish<BasketCheckedOutMessage>(e, BasketsMessage.BasketCheckedOut, {
          id: basketId(e),
          customerId: e.payload.customerId,
          paymentId: e.payload.paymentId,
          // The wire keeps the reference's decimal price (a proto double); the domain's cents convert exactly.
          items: e.payload.items.map((item) => ({
            storeId: item.storeId,
            productId: item.productId,
            storeName: item.storeName,
            productName: item.productName,
            price: item.price.toDecimal(),
            quantity: item.quantity,
          })),
        });
        this.checkedOut.inc();
      }, BasketEventNames.CheckedOut);
  }

  private async publish<P>(event: DomainEvent, name: string, payload: P): Promise<void> {
    await this.publisher.publish([eventMessage(this.registry, BasketsChannel.Events, { id: event.id, name, payload, occurredAt: event.occurredAt })]);
  }
}

/** Payloads never hold the basket id: it is the stream id, in the event's metadata. */
function basketId(event: DomainEvent): string {
  const id = event.metadata[MetadataKeys.AggregateId];
  if (!id) throw new Error(`${event.name} ${event.id} has no ${MetadataKeys.AggregateId}`);
  return id;
}

/** Created once per registry (a second module instance in tests reuses it). */
function counter(name: string, help: string): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help });
}
