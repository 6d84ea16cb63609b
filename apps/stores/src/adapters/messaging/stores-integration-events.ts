import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eventMessage, MESSAGE_REGISTRY, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import type { DomainEvent, EventDispatcher } from '@mallbots/ddd';
import type {
  ProductAdded as ProductAddedMessage,
  ProductPriceChanged,
  ProductRebranded as ProductRebrandedMessage,
  ProductRemoved as ProductRemovedMessage,
  StoreCreated as StoreCreatedMessage,
  StoreParticipationToggled,
  StoreRebranded as StoreRebrandedMessage,
} from '@mallbots/contracts/stores';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { aggregateIdOf } from '../../application/aggregate-id.js';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import {
  ProductEventName,
  StoreEventName,
  type ProductAdded,
  type ProductPriceDecreased,
  type ProductPriceIncreased,
  type ProductRebranded,
  type ProductRemoved,
  type StoreCreated,
  type StoreParticipationDisabled,
  type StoreParticipationEnabled,
  type StoreRebranded,
} from '../../domain/index.js';
import { StoresChannel, StoresMessage } from './stores.messages.js';

/**
 * Turns the stores' domain events into the reference's integration events (§3.1: baskets, depot and search cache
 * stores and products from them, D04 ECST), written to the outbox in the transaction that appends the events. The
 * event id becomes the message id, so the relay's retries and the consumers' inboxes see one message per event.
 * Ids come from the stream (event metadata); amounts leave as the wire's decimals (`price`, the signed `delta`).
 */
@Injectable()
export class StoresIntegrationEvents implements OnModuleInit {
  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(EVENT_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(MESSAGE_REGISTRY) private readonly registry: MessageRegistry,
  ) {}

  onModuleInit(): void {
    this.events
      .subscribe<StoreCreated>(
        (e) => this.publish<StoreCreatedMessage>(e, StoresChannel.Store, StoresMessage.StoreCreated, { id: aggregateIdOf(e), name: e.payload.name, location: e.payload.location }),
        StoreEventName.Created,
      )
      .subscribe<StoreParticipationEnabled | StoreParticipationDisabled>(
        (e) => this.publish<StoreParticipationToggled>(e, StoresChannel.Store, StoresMessage.StoreParticipatingToggled, { id: aggregateIdOf(e), participating: e.payload.participating }),
        StoreEventName.ParticipationEnabled,
        StoreEventName.ParticipationDisabled,
      )
      .subscribe<StoreRebranded>(
        (e) => this.publish<StoreRebrandedMessage>(e, StoresChannel.Store, StoresMessage.StoreRebranded, { id: aggregateIdOf(e), name: e.payload.name }),
        StoreEventName.Rebranded,
      )
      .subscribe<ProductAdded>((e) => {
        const { storeId, name, description, sku, price } = e.payload;
        return this.publish<ProductAddedMessage>(e, StoresChannel.Product, StoresMessage.ProductAdded, { id: aggregateIdOf(e), storeId, name, description, sku, price: price.toDecimal() });
      }, ProductEventName.Added)
      .subscribe<ProductRebranded>(
        (e) => this.publish<ProductRebrandedMessage>(e, StoresChannel.Product, StoresMessage.ProductRebranded, { id: aggregateIdOf(e), name: e.payload.name, description: e.payload.description }),
        ProductEventName.Rebranded,
      )
      .subscribe<ProductPriceIncreased>(
        (e) => this.publish<ProductPriceChanged>(e, StoresChannel.Product, StoresMessage.ProductPriceIncreased, { id: aggregateIdOf(e), delta: e.payload.delta.toDecimal() }),
        ProductEventName.PriceIncreased,
      )
      .subscribe<ProductPriceDecreased>(
        (e) => this.publish<ProductPriceChanged>(e, StoresChannel.Product, StoresMessage.ProductPriceDecreased, { id: aggregateIdOf(e), delta: e.payload.delta.toDecimal() }),
        ProductEventName.PriceDecreased,
      )
      .subscribe<ProductRemoved>(
        (e) => this.publish<ProductRemovedMessage>(e, StoresChannel.Product, StoresMessage.ProductRemoved, { id: aggregateIdOf(e) }),
        ProductEventName.Removed,
      );
  }

  private async publish<P>(event: DomainEvent, subject: string, name: string, payload: P): Promise<void> {
    await this.publisher.publish([eventMessage(this.registry, subject, { id: event.id, name, payload, occurredAt: event.occurredAt })]);
  }
}
