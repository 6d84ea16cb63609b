import { Command } from '@nestjs/cqrs';

/** Depot staff: everything was collected (only from assigned); publishes ShoppingListCompleted. */
export class CompleteShoppingListCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
