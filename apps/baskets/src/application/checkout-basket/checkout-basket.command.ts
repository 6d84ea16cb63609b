import { Command } from '@nestjs/cqrs';

export class CheckoutBasketCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly paymentId: string,
  ) {
    super();
  }
}
