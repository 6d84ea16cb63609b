import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository.port.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { EnableCustomerCommand } from './enable-customer.command.js';

@CommandHandler(EnableCustomerCommand)
export class EnableCustomerHandler implements ICommandHandler<EnableCustomerCommand> {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: EnableCustomerCommand): Promise<void> {
    const customer = await this.customers.get(command.id);
    customer.enable();
    await saveAndPublish(this.customers, this.events, customer);
  }
}
