import { Command } from '@nestjs/cqrs';

export class RegisterCustomerCommand extends Command<{ id: string }> {
  constructor(
    readonly name: string,
    readonly smsNumber: string,
  ) {
    super();
  }
}
