import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eventMessage, MESSAGE_REGISTRY, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import type { DomainEvent, EventDispatcher } from '@mallbots/ddd';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { ShoppingListEvent, type ShoppingListEventPayload } from '../../domain/index.js';
import { DepotChannel, DepotMessage } from './depot.messages.js';

/**
 * Turns ShoppingListCompleted into the integration event `depotapi.ShoppingListCompleted{id, order_id}` that moves
 * the order to ready (G06), written to the outbox in the same transaction as the change. It is the only event the
 * reference publishes (§3.4, §4.1); there, it was unreachable. The event id becomes the message id, so a retried
 * request never publishes twice.
 */
@Injectable()
export class ShoppingListIntegrationEvents implements OnModuleInit {
  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(EVENT_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(MESSAGE_REGISTRY) private readonly registry: MessageRegistry,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<DomainEvent<ShoppingListEventPayload>>((e) => this.completed(e), ShoppingListEvent.Completed);
  }

  private async completed(event: DomainEvent<ShoppingListEventPayload>): Promise<void> {
    const payload = { id: event.payload.id, orderId: event.payload.orderId };
    await this.publisher.publish([eventMessage(this.registry, DepotChannel.ShoppingListEvents, { id: event.id, name: DepotMessage.ShoppingListCompleted, payload, occurredAt: event.occurredAt })]);
  }
}
