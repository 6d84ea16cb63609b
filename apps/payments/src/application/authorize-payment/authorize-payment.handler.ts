import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type EventDispatcher, newId } from '@mallbots/ddd';
import { type AuthorizePaymentProps, Payment } from '../../domain/index.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { PAYMENT_REPOSITORY, type PaymentRepository } from '../ports/payment.repository.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { AuthorizePaymentCommand } from './authorize-payment.command.js';

/**
 * Stores the pre-authorization. Idempotent on a caller-supplied id (F08): the same id, customer and amount again
 * answers with the stored payment and no second effect; the same id with other data is AlreadyExists (409).
 */
@CommandHandler(AuthorizePaymentCommand)
export class AuthorizePaymentHandler implements ICommandHandler<AuthorizePaymentCommand> {
  constructor(
    @Inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: AuthorizePaymentCommand): Promise<{ id: string }> {
    const props: AuthorizePaymentProps = { id: command.id ?? newId(), customerId: command.customerId, amount: command.amount };
    // Validate first, so a bad request is answered as such even when its id is taken.
    const payment = Payment.authorize(props);
    const existing = command.id === undefined ? undefined : await this.payments.find(command.id);
    if (existing) {
      existing.assertRepeatOf(props);
      return { id: existing.id };
    }
    await saveAndPublish(this.payments, this.events, payment);
    return { id: payment.id };
  }
}
