import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessageConsumer, OnCommand } from '@mallbots/am';
import { type Command, Money } from '@mallbots/ddd';
import type { ConfirmPayment } from '@mallbots/contracts/payments';
import { ConfirmPaymentCommand } from '../../application/confirm-payment/confirm-payment.command.js';
import { PaymentsChannel, PaymentsGroup, PaymentsMessage } from './payments.messages.js';

/**
 * The saga's ConfirmPayment{id, amount, customer_id} (F02, reference-behaviour §3.6): answered with am.Success, or
 * am.Failure with the reason in REPLY_ERROR — unknown payment ("payment cannot be confirmed"), an amount above the
 * authorized one, an amount with fractions of a cent, a payment authorized for another customer than the order's
 * (§14.4 #36). `customer_id` is ours, added to the reference's message: an empty one means "not given" (a sender
 * that predates it), and the payment is then confirmed without the customer check, as the reference did. An outage
 * is not an answer: the command is redelivered (libs/am).
 */
@MessageConsumer({ subject: PaymentsChannel.Commands, group: PaymentsGroup.Commands })
export class PaymentCommandsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnCommand(PaymentsMessage.ConfirmPayment)
  async confirmPayment(command: Command<ConfirmPayment>): Promise<undefined> {
    const { id, amount, customerId } = command.payload;
    await this.commands.execute(new ConfirmPaymentCommand(id, Money.fromDecimal(amount), customerId === '' ? undefined : customerId));
    return undefined;
  }
}
