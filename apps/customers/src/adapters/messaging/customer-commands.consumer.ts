import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnCommand } from '@mallbots/am';
import type { Command } from '@mallbots/ddd';
import type { AuthorizeCustomer } from '@mallbots/contracts/customers';
import { AuthorizeCustomerCommand } from '../../application/authorize-customer/authorize-customer.command.js';
import { CustomersChannel, CustomersMessage } from './customers.messages.js';

/**
 * The saga's AuthorizeCustomer command (D02, reference-behaviour §3.3): answered with am.Success, or am.Failure with
 * the reason (disabled → "customer is not authorized", unknown id → not found). An outage is not an answer: the
 * command is redelivered (libs/am commandHandler).
 */
@MessageConsumer({ subject: CustomersChannel.Commands, group: 'customer-commands' })
export class CustomerCommandsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnCommand(CustomersMessage.AuthorizeCustomer)
  async authorize(command: Command<AuthorizeCustomer>): Promise<undefined> {
    await this.commands.execute(new AuthorizeCustomerCommand(command.payload.id));
    return undefined;
  }
}
