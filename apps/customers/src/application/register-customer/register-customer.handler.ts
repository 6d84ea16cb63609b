import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type EventDispatcher, newId } from '@mallbots/ddd';
import { Customer } from '../../domain/index.js';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository.port.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { RegisterCustomerCommand } from './register-customer.command.js';

@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand> {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: RegisterCustomerCommand): Promise<{ id: string }> {
    const customer = Customer.register(newId(), command.name, command.smsNumber);
    await saveAndPublish(this.customers, this.events, customer);
    return { id: customer.id };
  }
}
