import { CommandHandler } from '@nestjs/cqrs';
import type { ShoppingList } from '../../domain/index.js';
import { ChangeShoppingListHandler } from '../change-shopping-list.handler.js';
import { CancelShoppingListCommand } from './cancel-shopping-list.command.js';

@CommandHandler(CancelShoppingListCommand)
export class CancelShoppingListHandler extends ChangeShoppingListHandler<CancelShoppingListCommand> {
  protected change(list: ShoppingList): void {
    list.cancel();
  }
}
