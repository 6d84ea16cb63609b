import { Command } from '@nestjs/cqrs';

/** Hands an available list to a bot. */
export class AssignShoppingListCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly botId: string,
  ) {
    super();
  }
}
