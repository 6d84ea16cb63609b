import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { entityManagerExecutor } from './entity-manager-executor.js';
import type { SqlExecutor, TransactionRunner } from './sql.js';

/**
 * The production TransactionRunner (architecture §4.5, Q02 Q03): one transaction per request or message, carried
 * in the async context by nestjs-cls, so repositories, stores, the inbox and the outbox writer all use the same
 * transaction without passing it around (the reference's per-request DI scope, §8.8).
 *
 * `run` uses propagation REQUIRED: a nested `run` joins the outer transaction (domain-event handlers reuse the
 * caller's transaction, Q02), and the commit happens only when the outermost `run` resolves. It works outside an
 * HTTP request too (a message handler): TransactionHost opens a fresh CLS context when none is active.
 */
@Injectable()
export class ClsTransactionRunner implements TransactionRunner {
  constructor(@Inject(TransactionHost) private readonly host: TransactionHost<TransactionalAdapterTypeOrm>) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.host.withTransaction(work);
  }

  executor(): SqlExecutor {
    return entityManagerExecutor(this.host.tx);
  }

  inTransaction(): boolean {
    return this.host.isTransactionActive();
  }
}
