import { Command } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';

export class AdjustInvoiceCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly amount: Money,
  ) {
    super();
  }
}
