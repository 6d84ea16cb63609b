import { Command } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';

/**
 * AuthorizePayment (F01). `id` is the caller's operation id for an idempotent retry (F08, requirements §3.2:
 * "the caller supplies the operation id"); without one a new UUID is generated, as in the reference.
 */
export class AuthorizePaymentCommand extends Command<{ id: string }> {
  constructor(
    readonly customerId: string,
    readonly amount: Money,
    readonly id?: string,
  ) {
    super();
  }
}
