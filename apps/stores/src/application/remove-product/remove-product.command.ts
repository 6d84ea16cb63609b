import { Command } from '@nestjs/cqrs';

export class RemoveProductCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
