import { Command } from '@nestjs/cqrs';

export class RebrandStoreCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly name: string,
  ) {
    super();
  }
}
