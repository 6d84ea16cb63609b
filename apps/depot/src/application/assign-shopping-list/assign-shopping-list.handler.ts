import { CommandHandler } from '@nestjs/cqrs';
import type { ShoppingList } from '../../domain/index.js';
import { ChangeShoppingListHandler } from '../change-shopping-list.handler.js';
import { AssignShoppingListCommand } from './assign-shopping-list.command.js';

@CommandHandler(AssignShoppingListCommand)
export class AssignShoppingListHandler extends ChangeShoppingListHandler<AssignShoppingListCommand> {
  protected change(list: ShoppingList, command: AssignShoppingListCommand): void {
    list.assign(command.botId);
  }
}
