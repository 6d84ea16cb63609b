import { Command } from '@nestjs/cqrs';

export class CancelBasketCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
