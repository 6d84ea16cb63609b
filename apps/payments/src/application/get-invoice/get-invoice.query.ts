import { Query } from '@nestjs/cqrs';
import type { InvoiceStatus } from '../../domain/index.js';

/** An invoice as the REST adapter shows it: the amount as the wire's decimal number (exact cents inside). */
export interface InvoiceView {
  readonly id: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly status: InvoiceStatus;
}

/** The customer reviews the invoice before paying (F07); every status reads back, canceled included (§14.4 #38). */
export class GetInvoiceQuery extends Query<InvoiceView> {
  constructor(readonly id: string) {
    super();
  }
}
