import { Command } from '@nestjs/cqrs';

/** The saga's InitiateShopping: pending → available, so bots can take the list (the reference never dispatched it, §14.1 item 1). */
export class InitiateShoppingCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
