import { Command } from '@nestjs/cqrs';

export class AuthorizeCustomerCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
