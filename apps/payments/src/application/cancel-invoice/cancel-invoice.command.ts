import { Command } from '@nestjs/cqrs';

export class CancelInvoiceCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
