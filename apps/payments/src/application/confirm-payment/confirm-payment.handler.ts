import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PaymentNotFoundError } from '../../domain/index.js';
import { PAYMENT_REPOSITORY, type PaymentRepository } from '../ports/payment.repository.port.js';
import { ConfirmPaymentCommand } from './confirm-payment.command.js';

/**
 * A read, as in the reference (nothing to compensate, §5.3): an unknown payment is NotFound "payment cannot be
 * confirmed"; an amount above the authorized one is refused (the reference ignored it, §14.3 #31). From the
 * command channel a refusal becomes an am.Failure reply carrying the reason.
 */
@CommandHandler(ConfirmPaymentCommand)
export class ConfirmPaymentHandler implements ICommandHandler<ConfirmPaymentCommand> {
  constructor(@Inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository) {}

  async execute(command: ConfirmPaymentCommand): Promise<void> {
    const payment = await this.payments.find(command.id);
    if (!payment) throw new PaymentNotFoundError();
    if (command.amount !== undefined) payment.confirm({ amount: command.amount, customerId: command.customerId });
  }
}
