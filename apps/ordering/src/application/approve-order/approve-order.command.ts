import { Command } from '@nestjs/cqrs';

/** The saga's last step (ordersapi.ApproveOrder): the shopping list `shoppingId` is with the depot. */
export class ApproveOrderCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly shoppingId: string,
  ) {
    super();
  }
}
