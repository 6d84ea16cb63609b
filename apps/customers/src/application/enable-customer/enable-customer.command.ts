import { Command } from '@nestjs/cqrs';

export class EnableCustomerCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
