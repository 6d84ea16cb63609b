import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eventMessage, MESSAGE_REGISTRY, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import type { DomainEvent, EventDispatcher } from '@mallbots/ddd';
import { EVENT_PUBLISHER } from '@mallbots/platform';
import { Counter, register } from 'prom-client';
import { DOMAIN_EVENTS } from '../../application/ports/domain-events.port.js';
import { CustomerEvent, type CustomerIdPayload, type CustomerRegisteredPayload, type CustomerSmsChangedPayload } from '../../domain/index.js';
import { CustomersChannel, CustomersMessage } from './customers.messages.js';

/**
 * Turns the customer's domain events into the integration events other contexts cache customers from (D04, ECST),
 * written to the outbox in the same transaction as the change. The event id becomes the message id, so a retried
 * request that re-raises nothing new never publishes twice.
 */
@Injectable()
export class CustomerIntegrationEvents implements OnModuleInit {
  private readonly registered = registeredCounter();

  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(EVENT_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(MESSAGE_REGISTRY) private readonly registry: MessageRegistry,
  ) {}

  onModuleInit(): void {
    this.events
      .subscribe<DomainEvent<CustomerRegisteredPayload>>(async (e) => {
        await this.publish(e, CustomersMessage.CustomerRegistered, { id: e.payload.id, name: e.payload.name, smsNumber: e.payload.smsNumber });
        this.registered.inc();
      }, CustomerEvent.Registered)
      .subscribe<DomainEvent<CustomerSmsChangedPayload>>((e) => this.publish(e, CustomersMessage.CustomerSmsChanged, { id: e.payload.id, smsNumber: e.payload.smsNumber }), CustomerEvent.SmsChanged)
      .subscribe<DomainEvent<CustomerIdPayload>>((e) => this.publish(e, CustomersMessage.CustomerEnabled, { id: e.payload.id }), CustomerEvent.Enabled)
      .subscribe<DomainEvent<CustomerIdPayload>>((e) => this.publish(e, CustomersMessage.CustomerDisabled, { id: e.payload.id }), CustomerEvent.Disabled);
  }

  private async publish(event: DomainEvent, name: string, payload: unknown): Promise<void> {
    await this.publisher.publish([eventMessage(this.registry, CustomersChannel.Events, { id: event.id, name, payload, occurredAt: event.occurredAt })]);
  }
}

/** `customers_registered_count` (T07), created once per registry. */
function registeredCounter(): Counter {
  const name = 'customers_registered_count';
  const existing = register.getSingleMetric(name);
  return (existing as Counter | undefined) ?? new Counter({ name, help: 'Customers registered' });
}
