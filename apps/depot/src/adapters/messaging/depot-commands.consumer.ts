import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnCommand } from '@mallbots/am';
import type { CancelShoppingList, CreateShoppingList, InitiateShopping } from '@mallbots/contracts/depot';
import { type Command, createReply, type Reply } from '@mallbots/ddd';
import { CancelShoppingListCommand } from '../../application/cancel-shopping-list/cancel-shopping-list.command.js';
import { CreateShoppingListCommand } from '../../application/create-shopping-list/create-shopping-list.command.js';
import { InitiateShoppingCommand } from '../../application/initiate-shopping/initiate-shopping.command.js';
import { DepotChannel, DepotConsumer, DepotMessage } from './depot.messages.js';

/**
 * The create-order saga's commands (reference-behaviour §3.4, §5.1), answered on the command's reply channel by
 * libs/am's reply protocol: success → the reply below (or am.Success); a refusal (unknown list, wrong status, a store
 * or product that cannot be located) → am.Failure with the reason in REPLY_ERROR, the handler's writes rolled back
 * to a savepoint; an outage (Stores unreachable, a lost concurrency race) is not an answer: the command is
 * redelivered. Unlike the reference, a failed create answers am.Failure, not a CreatedShoppingList naming a list
 * that was never saved (§14.3 item 31), and InitiateShopping is really carried out (§14.1 item 1).
 */
@MessageConsumer({ subject: DepotChannel.Commands, group: DepotConsumer.Commands })
export class DepotCommandsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnCommand(DepotMessage.CreateShoppingList)
  async createShoppingList(command: Command<CreateShoppingList>): Promise<Reply> {
    const { orderId, items } = command.payload;
    const { id } = await this.commands.execute(new CreateShoppingListCommand(orderId, items.map(({ productId, storeId, quantity }) => ({ productId, storeId, quantity }))));
    return createReply(DepotMessage.CreatedShoppingList, { id });
  }

  @OnCommand(DepotMessage.CancelShoppingList)
  async cancelShoppingList(command: Command<CancelShoppingList>): Promise<undefined> {
    await this.commands.execute(new CancelShoppingListCommand(command.payload.id));
    return undefined;
  }

  @OnCommand(DepotMessage.InitiateShopping)
  async initiateShopping(command: Command<InitiateShopping>): Promise<undefined> {
    await this.commands.execute(new InitiateShoppingCommand(command.payload.id));
    return undefined;
  }
}
