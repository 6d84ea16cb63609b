import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Money } from '@mallbots/ddd';
import { AuthorizePaymentCommand } from '../../application/authorize-payment/authorize-payment.command.js';
import { CancelInvoiceCommand } from '../../application/cancel-invoice/cancel-invoice.command.js';
import { GetInvoiceQuery } from '../../application/get-invoice/get-invoice.query.js';
import { PayInvoiceCommand } from '../../application/pay-invoice/pay-invoice.command.js';
import { AuthorizePaymentBody, AuthorizePaymentResponseDto, GetInvoiceResponseDto } from './payments.dto.js';

/**
 * The reference's REST API (reference-behaviour §3.6, reference-openapi/payments.swagger.json): POST /api/payments
 * and PUT /api/payments/invoices/{id}/pay, same paths, methods, JSON fields and status codes. Two routes are ours:
 * GET /api/payments/invoices/{id}, so the customer can review the invoice before paying (F07), and
 * PUT /api/payments/invoices/{id}/cancel (the reference's CancelInvoice was gRPC-only).
 */
@Controller('api/payments')
export class PaymentsRestController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiTags('Payment')
  @ApiOperation({ operationId: 'authorizePayment', summary: 'Authorize a future payment' })
  @ApiOkResponse({ type: AuthorizePaymentResponseDto })
  async authorize(@Body() body: AuthorizePaymentBody): Promise<{ id: string }> {
    return this.commands.execute(new AuthorizePaymentCommand(body.customerId ?? '', Money.fromDecimal(body.amount ?? 0), body.id));
  }

  @Put('invoices/:id/pay')
  @ApiTags('Invoice')
  @ApiOperation({ operationId: 'payInvoice', summary: 'Pay an invoice' })
  @ApiBody({ schema: { type: 'object' } })
  async pay(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new PayInvoiceCommand(id));
    return {};
  }

  @Put('invoices/:id/cancel')
  @ApiTags('Invoice')
  @ApiOperation({ operationId: 'cancelInvoice', summary: 'Cancel an invoice' })
  @ApiBody({ schema: { type: 'object' } })
  async cancel(@Param('id') id: string): Promise<object> {
    await this.commands.execute(new CancelInvoiceCommand(id));
    return {};
  }

  @Get('invoices/:id')
  @ApiTags('Invoice')
  @ApiOperation({ operationId: 'getInvoice', summary: 'Get an invoice' })
  @ApiOkResponse({ type: GetInvoiceResponseDto })
  async getInvoice(@Param('id') id: string): Promise<GetInvoiceResponseDto> {
    return { invoice: await this.queries.execute(new GetInvoiceQuery(id)) };
  }
}
