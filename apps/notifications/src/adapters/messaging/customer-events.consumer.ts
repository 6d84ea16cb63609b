import { Inject } from '@nestjs/common';
import { MessageConsumer, OnEvent } from '@mallbots/am';
import type { CustomerDisabled, CustomerEnabled, CustomerRegistered, CustomerSmsChanged } from '@mallbots/contracts/customers';
import type { DomainEvent } from '@mallbots/ddd';
import { CustomerCacheProjector } from '../../application/customer-cache/customer-cache.projector.js';
import { CustomersChannel, CustomersMessage, NotificationsGroup } from './notifications.messages.js';
import { refusalIsFinal } from './refusal-is-final.js';

/**
 * Customers' events into `customers_cache` (H03; reference-behaviour §3.7, whose SQL named a column that does not
 * exist, §14.1 #6). Enabled/disabled are cached too: disabled customers are not texted. The event's `occurredAt`
 * orders the facts (domain/cached-customer.ts).
 */
@MessageConsumer({ subject: CustomersChannel.Events, group: NotificationsGroup.Customers })
export class CustomerEventsConsumer {
  constructor(@Inject(CustomerCacheProjector) private readonly projector: CustomerCacheProjector) {}

  @OnEvent(CustomersMessage.CustomerRegistered)
  async registered(event: DomainEvent<CustomerRegistered>): Promise<void> {
    await refusalIsFinal(event, () => this.projector.registered(event.payload, event.occurredAt));
  }

  @OnEvent(CustomersMessage.CustomerSmsChanged)
  async smsChanged(event: DomainEvent<CustomerSmsChanged>): Promise<void> {
    await refusalIsFinal(event, () => this.projector.smsNumberChanged(event.payload, event.occurredAt));
  }

  @OnEvent(CustomersMessage.CustomerEnabled)
  async enabled(event: DomainEvent<CustomerEnabled>): Promise<void> {
    await refusalIsFinal(event, () => this.projector.enabledChanged(event.payload.id, true, event.occurredAt));
  }

  @OnEvent(CustomersMessage.CustomerDisabled)
  async disabled(event: DomainEvent<CustomerDisabled>): Promise<void> {
    await refusalIsFinal(event, () => this.projector.enabledChanged(event.payload.id, false, event.occurredAt));
  }
}
