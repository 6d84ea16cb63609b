import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eventMessage, MESSAGE_REGISTRY, type Message, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import type {
  OrderApproved as OrderApprovedMessage,
  OrderCanceled as OrderCanceledMessage,
  OrderCompleted as OrderCompletedMessage,
  OrderCreated as OrderCreatedMessage,
  OrderReadied as OrderReadiedMessage,
  OrderRejected as OrderRejectedMessage,
} from '@mallbots/contracts/ordering';
import { type EventDispatcher, MetadataKeys } from '@mallbots/ddd';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import {
  OrderApprovedEvent,
  OrderCanceledEvent,
  OrderCompletedEvent,
  OrderCreatedEvent,
  OrderReadiedEvent,
  OrderRejectedEvent,
  type OrderEvent,
} from '../../domain/index.js';
import { OrderingChannel, OrderingMessage } from './ordering.messages.js';

type IntegrationEvent =
  | { name: typeof OrderingMessage.OrderCreated; payload: OrderCreatedMessage }
  | { name: typeof OrderingMessage.OrderApproved; payload: OrderApprovedMessage }
  | { name: typeof OrderingMessage.OrderRejected; payload: OrderRejectedMessage }
  | { name: typeof OrderingMessage.OrderCanceled; payload: OrderCanceledMessage }
  | { name: typeof OrderingMessage.OrderReadied; payload: OrderReadiedMessage }
  | { name: typeof OrderingMessage.OrderCompleted; payload: OrderCompletedMessage };

const ALL_ORDER_EVENTS = [OrderCreatedEvent, OrderApprovedEvent, OrderRejectedEvent, OrderCanceledEvent, OrderReadiedEvent, OrderCompletedEvent];

/**
 * The `ordersapi.*` message for a domain event, with the reference's payload fields (reference-behaviour §3.5).
 * Every one of the six is published; the reference dropped OrderApproved and OrderRejected (§14.1 item 3). The order
 * id is the stream id, from the event's metadata; money leaves as the wire's decimal amounts.
 */
export function integrationEventOf(event: OrderEvent): IntegrationEvent {
  const id = event.metadata[MetadataKeys.AggregateId] ?? '';
  switch (event.name) {
    case OrderCreatedEvent: {
      const { customerId, paymentId, items } = event.payload;
      // shopping_id is always empty at creation (the saga creates the list later); kept for wire compatibility.
      const lines = items.map((i) => ({ productId: i.productId, storeId: i.storeId, price: i.price.toDecimal(), quantity: i.quantity }));
      return { name: OrderingMessage.OrderCreated, payload: { id, customerId, paymentId, shoppingId: '', items: lines } };
    }
    case OrderApprovedEvent:
      return { name: OrderingMessage.OrderApproved, payload: { id, customerId: event.payload.customerId, paymentId: event.payload.paymentId } };
    case OrderRejectedEvent:
      return { name: OrderingMessage.OrderRejected, payload: { id, customerId: event.payload.customerId, paymentId: event.payload.paymentId } };
    case OrderCanceledEvent:
      return { name: OrderingMessage.OrderCanceled, payload: { id, customerId: event.payload.customerId, paymentId: event.payload.paymentId } };
    case OrderReadiedEvent: {
      const { customerId, paymentId, total } = event.payload;
      return { name: OrderingMessage.OrderReadied, payload: { id, customerId, paymentId, total: total.toDecimal() } };
    }
    case OrderCompletedEvent:
      return { name: OrderingMessage.OrderCompleted, payload: { id, customerId: event.payload.customerId, invoiceId: event.payload.invoiceId } };
  }
}

/** The outbox message for a domain event. Its id is the event's id, so a retried save never publishes twice. */
export function integrationMessageOf(registry: MessageRegistry, event: OrderEvent): Message {
  const { name, payload } = integrationEventOf(event);
  return eventMessage(registry, OrderingChannel.Events, { id: event.id, name, payload, occurredAt: event.occurredAt });
}

/**
 * Publishes the order's domain events as integration events (requirements E02, E04–E07, E10) to the outbox, in the
 * transaction that saves them: the change and its message commit together or not at all.
 */
@Injectable()
export class OrderIntegrationEvents implements OnModuleInit {
  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(EVENT_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(MESSAGE_REGISTRY) private readonly registry: MessageRegistry,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<OrderEvent>((event) => this.publisher.publish([integrationMessageOf(this.registry, event)]), ...ALL_ORDER_EVENTS);
  }
}
