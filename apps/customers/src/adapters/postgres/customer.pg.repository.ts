import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@mallbots/ddd';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { Customer } from '../../domain/index.js';
import type { CustomerRepository } from '../../application/ports/customer.repository.port.js';

const SELECT = prepared('SELECT id, name, sms_number, enabled, version FROM customers WHERE id = $1');
const INSERT = prepared('INSERT INTO customers (id, name, sms_number, enabled, version) VALUES ($1, $2, $3, $4, $5)');
const UPDATE = prepared(
  'UPDATE customers SET name = $2, sms_number = $3, enabled = $4, version = $5, updated_at = now() WHERE id = $1 AND version = $6',
);

interface CustomerRow {
  id: string;
  name: string;
  sms_number: string;
  enabled: boolean;
  version: number;
}

@Injectable()
export class CustomerPgRepository implements CustomerRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async get(id: string): Promise<Customer> {
    const { rows } = await this.tx.executor().query<CustomerRow>(SELECT, [id]);
    const row = rows[0];
    if (!row) throw new NotFoundError(`customer ${id} not found`);
    return Customer.fromState({ id: row.id, name: row.name, smsNumber: row.sms_number, enabled: row.enabled, version: row.version });
  }

  async save(customer: Customer): Promise<void> {
    const state = customer.toState();
    if (customer.version === 0) {
      await this.tx.executor().query(INSERT, [state.id, state.name, state.smsNumber, state.enabled, state.version]);
    } else if (state.version !== customer.version) {
      const { rowCount } = await this.tx.executor().query(UPDATE, [state.id, state.name, state.smsNumber, state.enabled, state.version, customer.version]);
      // Someone else changed the customer since it was read: the caller's request fails (HTTP 409) or redelivers.
      if (rowCount === 0) throw new ConflictError(`customer ${state.id} was changed concurrently; try again`);
    }
    customer.commitEvents();
  }
}
