import { Command } from '@nestjs/cqrs';

export class ChangeSmsNumberCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly smsNumber: string,
  ) {
    super();
  }
}
