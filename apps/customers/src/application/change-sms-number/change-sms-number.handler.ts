import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventDispatcher } from '@mallbots/ddd';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository.port.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { ChangeSmsNumberCommand } from './change-sms-number.command.js';

/** Implemented, unlike the reference (its RPC fell through to Unimplemented), and publishes CustomerSmsChanged. */
@CommandHandler(ChangeSmsNumberCommand)
export class ChangeSmsNumberHandler implements ICommandHandler<ChangeSmsNumberCommand> {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: ChangeSmsNumberCommand): Promise<void> {
    const customer = await this.customers.get(command.id);
    customer.changeSmsNumber(command.smsNumber);
    await saveAndPublish(this.customers, this.events, customer);
  }
}
