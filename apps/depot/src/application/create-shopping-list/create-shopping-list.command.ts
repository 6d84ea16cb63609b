import { Command } from '@nestjs/cqrs';
import type { OrderLine } from '../../domain/index.js';

/** The saga's CreateShoppingList (depotapi.CreateShoppingListCommand), gRPC and REST: answers the list's id. */
export class CreateShoppingListCommand extends Command<{ id: string }> {
  constructor(
    readonly orderId: string,
    readonly items: readonly OrderLine[],
  ) {
    super();
  }
}
