import { Command } from '@nestjs/cqrs';

export class StartBasketCommand extends Command<{ id: string }> {
  constructor(readonly customerId: string) {
    super();
  }
}
