import { Command } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';

/**
 * ConfirmPayment: the saga's step 3 sends the order total as `amount` (F02); the gRPC RPC has no amount and only
 * checks that the payment exists, as in the reference. `customerId`, when a caller knows it, must be the payer.
 */
export class ConfirmPaymentCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly amount?: Money,
    readonly customerId?: string,
  ) {
    super();
  }
}
