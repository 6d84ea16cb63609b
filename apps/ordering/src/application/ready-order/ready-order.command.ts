import { Command } from '@nestjs/cqrs';

/** Every item of the order is collected: depot's ShoppingListCompleted (its order id), or gRPC ReadyOrder. */
export class ReadyOrderCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
