import { Controller, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Money } from '@mallbots/ddd';
import {
  type AdjustInvoiceRequest,
  type AuthorizePaymentRequest,
  type AuthorizePaymentResponse,
  type CancelInvoiceRequest,
  type ConfirmPaymentRequest,
  type CreateInvoiceRequest,
  type CreateInvoiceResponse,
  type PayInvoiceRequest,
  type PaymentsServiceController,
  PaymentsServiceControllerMethods,
} from '@mallbots/contracts/payments';
import { AdjustInvoiceCommand } from '../../application/adjust-invoice/adjust-invoice.command.js';
import { AuthorizePaymentCommand } from '../../application/authorize-payment/authorize-payment.command.js';
import { CancelInvoiceCommand } from '../../application/cancel-invoice/cancel-invoice.command.js';
import { ConfirmPaymentCommand } from '../../application/confirm-payment/confirm-payment.command.js';
import { CreateInvoiceCommand } from '../../application/create-invoice/create-invoice.command.js';
import { PayInvoiceCommand } from '../../application/pay-invoice/pay-invoice.command.js';

/**
 * paymentspb.PaymentsService (reference-behaviour §3.6, Appendix A); errors become gRPC statuses in the platform's
 * ErrorFilter. Amounts arrive as doubles and become exact cents here (a fraction of a cent is INVALID_ARGUMENT).
 */
@Controller()
@PaymentsServiceControllerMethods()
export class PaymentsGrpcController implements PaymentsServiceController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async authorizePayment(request: AuthorizePaymentRequest): Promise<AuthorizePaymentResponse> {
    return this.commands.execute(new AuthorizePaymentCommand(request.customerId ?? '', Money.fromDecimal(request.amount ?? 0)));
  }

  /** The RPC carries no amount: it checks that the payment exists, as the reference did. */
  async confirmPayment(request: ConfirmPaymentRequest): Promise<object> {
    await this.commands.execute(new ConfirmPaymentCommand(request.id ?? ''));
    return {};
  }

  async createInvoice(request: CreateInvoiceRequest): Promise<CreateInvoiceResponse> {
    return this.commands.execute(new CreateInvoiceCommand(request.orderId ?? '', request.paymentId ?? '', Money.fromDecimal(request.amount ?? 0)));
  }

  async adjustInvoice(request: AdjustInvoiceRequest): Promise<object> {
    await this.commands.execute(new AdjustInvoiceCommand(request.id ?? '', Money.fromDecimal(request.amount ?? 0)));
    return {};
  }

  async payInvoice(request: PayInvoiceRequest): Promise<object> {
    await this.commands.execute(new PayInvoiceCommand(request.id ?? ''));
    return {};
  }

  async cancelInvoice(request: CancelInvoiceRequest): Promise<object> {
    await this.commands.execute(new CancelInvoiceCommand(request.id ?? ''));
    return {};
  }
}
