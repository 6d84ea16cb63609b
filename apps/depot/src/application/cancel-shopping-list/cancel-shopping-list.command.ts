import { Command } from '@nestjs/cqrs';

/** The saga's compensation (depotapi.CancelShoppingListCommand), gRPC and REST: from pending, available, assigned or active. */
export class CancelShoppingListCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
