import { CommandHandler } from '@nestjs/cqrs';
import type { ShoppingList } from '../../domain/index.js';
import { ChangeShoppingListHandler } from '../change-shopping-list.handler.js';
import { InitiateShoppingCommand } from './initiate-shopping.command.js';

@CommandHandler(InitiateShoppingCommand)
export class InitiateShoppingHandler extends ChangeShoppingListHandler<InitiateShoppingCommand> {
  protected change(list: ShoppingList): void {
    list.initiate();
  }
}
