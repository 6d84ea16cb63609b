import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, Money } from '@mallbots/ddd';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { Invoice, parseInvoiceStatus } from '../../domain/index.js';
import type { InvoiceRepository } from '../../application/ports/invoice.repository.port.js';
import { insertOrConflict } from './pg-errors.js';

const COLUMNS = 'id, order_id, payment_id, amount_cents::text AS amount_cents, status, version';
const SELECT = prepared(`SELECT ${COLUMNS} FROM invoices WHERE id = $1`);
const SELECT_BY_ORDER = prepared(`SELECT ${COLUMNS} FROM invoices WHERE order_id = $1`);
const INSERT = prepared('INSERT INTO invoices (id, order_id, payment_id, amount_cents, status, version) VALUES ($1, $2, $3, $4, $5, $6)');
const UPDATE = prepared('UPDATE invoices SET amount_cents = $2, status = $3, version = $4, updated_at = now() WHERE id = $1 AND version = $5');

interface InvoiceRow {
  id: string;
  order_id: string;
  payment_id: string;
  amount_cents: string;
  status: string;
  version: number;
}

@Injectable()
export class InvoicePgRepository implements InvoiceRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<Invoice | undefined> {
    const { rows } = await this.tx.executor().query<InvoiceRow>(SELECT, [id]);
    return rows[0] && toInvoice(rows[0]);
  }

  async findByOrderId(orderId: string): Promise<Invoice | undefined> {
    const { rows } = await this.tx.executor().query<InvoiceRow>(SELECT_BY_ORDER, [orderId]);
    return rows[0] && toInvoice(rows[0]);
  }

  async save(invoice: Invoice): Promise<void> {
    const { id, orderId, paymentId, amount, status } = invoice.toSnapshot();
    if (invoice.version === 0) {
      await insertOrConflict(() => this.tx.executor().query(INSERT, [id, orderId, paymentId, amount.cents, status, invoice.pendingVersion]), `the invoice of order ${orderId}`);
    } else if (invoice.pendingVersion !== invoice.version) {
      const { rowCount } = await this.tx.executor().query(UPDATE, [id, amount.cents, status, invoice.pendingVersion, invoice.version]);
      // Someone else changed the invoice since it was read: the request fails (HTTP 409) or the message is redelivered.
      if (rowCount === 0) throw new ConflictError(`invoice ${id} was changed concurrently; try again`);
    }
    invoice.commitEvents();
  }
}

/** Every stored status maps back, canceled included (the reference could not read a canceled invoice, §14.4 #38). */
function toInvoice(row: InvoiceRow): Invoice {
  return Invoice.fromSnapshot({
    id: row.id,
    orderId: row.order_id,
    paymentId: row.payment_id,
    amount: Money.ofCents(Number(row.amount_cents)),
    status: parseInvoiceStatus(row.status),
    version: row.version,
  });
}
