import { Command } from '@nestjs/cqrs';

export class AddItemCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly productId: string,
    readonly quantity: number,
  ) {
    super();
  }
}
