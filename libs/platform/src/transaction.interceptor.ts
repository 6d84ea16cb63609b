import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { HealthController } from './health.controller.js';

/**
 * One transaction per REST request and per gRPC call (architecture §4.5, Q02): the use case's writes, the domain
 * event handlers' writes and the outbox rows commit together when the handler returns, or roll back when it throws.
 * The reference did the same with its per-RPC `serverTx` scope. Health and metrics endpoints stay outside.
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getClass() === HealthController) return next.handle();
    return from(this.tx.run(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
