import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnCommand } from '@mallbots/am';
import type { ApproveOrder, RejectOrder } from '@mallbots/contracts/ordering';
import type { Command } from '@mallbots/ddd';
import { ApproveOrderCommand } from '../../application/approve-order/approve-order.command.js';
import { RejectOrderCommand } from '../../application/reject-order/reject-order.command.js';
import { OrderingChannel, OrderingGroup, OrderingMessage } from './ordering.messages.js';

/**
 * The create-order saga's commands (reference-behaviour §3.5, §5; requirements E04). Each is answered on its reply
 * channel by the platform's reply protocol: am.Success, or am.Failure with the reason for a business refusal
 * (unknown order, a status that does not allow it); the refusal's writes are rolled back to a savepoint. An outage
 * or a lost concurrency race is no answer: the command is redelivered (libs/am commandHandler).
 */
@MessageConsumer({ subject: OrderingChannel.Commands, group: OrderingGroup.Commands })
export class OrderCommandsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnCommand(OrderingMessage.ApproveOrder)
  async approve(command: Command<ApproveOrder>): Promise<undefined> {
    await this.commands.execute(new ApproveOrderCommand(command.payload.id, command.payload.shoppingId));
    return undefined;
  }

  @OnCommand(OrderingMessage.RejectOrder)
  async reject(command: Command<RejectOrder>): Promise<undefined> {
    await this.commands.execute(new RejectOrderCommand(command.payload.id));
    return undefined;
  }
}
