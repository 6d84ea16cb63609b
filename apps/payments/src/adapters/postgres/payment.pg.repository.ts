import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@mallbots/ddd';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { Payment } from '../../domain/index.js';
import type { PaymentRepository } from '../../application/ports/payment.repository.port.js';
import { insertOrConflict } from './pg-errors.js';

const SELECT = prepared('SELECT id, customer_id, amount_cents::text AS amount_cents, version FROM payments WHERE id = $1');
const INSERT = prepared('INSERT INTO payments (id, customer_id, amount_cents, version) VALUES ($1, $2, $3, $4)');

interface PaymentRow {
  id: string;
  customer_id: string;
  /** bigint, read as text so no precision question arises; Money.ofCents refuses anything unsafe. */
  amount_cents: string;
  version: number;
}

@Injectable()
export class PaymentPgRepository implements PaymentRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<Payment | undefined> {
    const { rows } = await this.tx.executor().query<PaymentRow>(SELECT, [id]);
    const row = rows[0];
    if (!row) return undefined;
    return Payment.fromSnapshot({ id: row.id, customerId: row.customer_id, amount: Money.ofCents(Number(row.amount_cents)), version: row.version });
  }

  async save(payment: Payment): Promise<void> {
    // A payment never changes after authorization: only new ones are written.
    if (payment.version === 0) {
      const { id, customerId, amount } = payment.toSnapshot();
      await insertOrConflict(() => this.tx.executor().query(INSERT, [id, customerId, amount.cents, payment.pendingVersion]), `payment ${id}`);
    }
    payment.commitEvents();
  }
}
