import { Command } from '@nestjs/cqrs';

export class RemoveItemCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly productId: string,
    readonly quantity: number,
  ) {
    super();
  }
}
