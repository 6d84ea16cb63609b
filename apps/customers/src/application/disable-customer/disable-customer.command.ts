import { Command } from '@nestjs/cqrs';

export class DisableCustomerCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
