import { Command } from '@nestjs/cqrs';

export class PayInvoiceCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
