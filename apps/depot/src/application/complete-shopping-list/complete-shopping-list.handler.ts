import { CommandHandler } from '@nestjs/cqrs';
import type { ShoppingList } from '../../domain/index.js';
import { ChangeShoppingListHandler } from '../change-shopping-list.handler.js';
import { CompleteShoppingListCommand } from './complete-shopping-list.command.js';

@CommandHandler(CompleteShoppingListCommand)
export class CompleteShoppingListHandler extends ChangeShoppingListHandler<CompleteShoppingListCommand> {
  protected change(list: ShoppingList): void {
    list.complete();
  }
}
