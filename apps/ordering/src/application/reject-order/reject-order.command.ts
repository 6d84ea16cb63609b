import { Command } from '@nestjs/cqrs';

/** The saga's compensation (ordersapi.RejectOrder): the customer, the shopping list or the payment failed. */
export class RejectOrderCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
