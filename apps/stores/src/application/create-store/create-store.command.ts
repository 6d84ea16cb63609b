import { Command } from '@nestjs/cqrs';

export class CreateStoreCommand extends Command<{ id: string }> {
  constructor(
    readonly name: string,
    readonly location: string,
  ) {
    super();
  }
}
