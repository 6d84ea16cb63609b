import { Command } from '@nestjs/cqrs';

export class RebrandProductCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly description: string,
  ) {
    super();
  }
}
