import { type DynamicModule, Module } from '@nestjs/common';
import { EventDispatcher } from '@mallbots/ddd';
import { PlatformModule, type ServiceConfig } from '@mallbots/platform';
import { AdjustInvoiceHandler } from './application/adjust-invoice/adjust-invoice.handler.js';
import { AuthorizePaymentHandler } from './application/authorize-payment/authorize-payment.handler.js';
import { CancelInvoiceHandler } from './application/cancel-invoice/cancel-invoice.handler.js';
import { CancelOrderInvoiceHandler } from './application/cancel-order-invoice/cancel-order-invoice.handler.js';
import { ConfirmPaymentHandler } from './application/confirm-payment/confirm-payment.handler.js';
import { CreateInvoiceHandler } from './application/create-invoice/create-invoice.handler.js';
import { GetInvoiceHandler } from './application/get-invoice/get-invoice.handler.js';
import { PayInvoiceHandler } from './application/pay-invoice/pay-invoice.handler.js';
import { DOMAIN_EVENTS } from './application/ports/domain-events.port.js';
import { INVOICE_REPOSITORY } from './application/ports/invoice.repository.port.js';
import { PAYMENT_REPOSITORY } from './application/ports/payment.repository.port.js';
import { PaymentsGrpcController } from './adapters/grpc/payments.grpc.controller.js';
import { InvoiceIntegrationEvents } from './adapters/messaging/invoice-integration-events.js';
import { OrderEventsConsumer } from './adapters/messaging/order-events.consumer.js';
import { PaymentCommandsConsumer } from './adapters/messaging/payment-commands.consumer.js';
import { paymentsRegistry } from './adapters/messaging/payments.messages.js';
import { InvoicePgRepository } from './adapters/postgres/invoice.pg.repository.js';
import { PaymentPgRepository } from './adapters/postgres/payment.pg.repository.js';
import { PaymentsRestController } from './adapters/rest/payments.rest.controller.js';

/** The composition root of the payments service: driven adapters → application → driving adapters (K03). */
@Module({})
export class PaymentsModule {
  static forRoot(config: ServiceConfig, migrationsDir: string): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [PlatformModule.forRoot({ config, registry: paymentsRegistry(), migrationsDir })],
      controllers: [PaymentsRestController, PaymentsGrpcController],
      providers: [
        { provide: PAYMENT_REPOSITORY, useClass: PaymentPgRepository },
        { provide: INVOICE_REPOSITORY, useClass: InvoicePgRepository },
        { provide: DOMAIN_EVENTS, useFactory: () => new EventDispatcher() },
        AuthorizePaymentHandler,
        ConfirmPaymentHandler,
        CreateInvoiceHandler,
        AdjustInvoiceHandler,
        PayInvoiceHandler,
        CancelInvoiceHandler,
        CancelOrderInvoiceHandler,
        GetInvoiceHandler,
        InvoiceIntegrationEvents,
        OrderEventsConsumer,
        PaymentCommandsConsumer,
      ],
    };
  }
}
