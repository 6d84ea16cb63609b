import type { Payment } from '../../domain/index.js';

export const PAYMENT_REPOSITORY = Symbol.for('payments.PaymentRepository');

/** Payments as stored (a plain table). Runs on the caller's transaction. */
export interface PaymentRepository {
  /** The payment, or undefined: the use case decides which not-found error that is (domain PaymentNotFoundError). */
  find(id: string): Promise<Payment | undefined>;
  /**
   * Inserts a new payment (payments never change after authorization). ConflictError when a concurrent request
   * inserted the same id first: the retry then finds it and is answered as a repeat.
   */
  save(payment: Payment): Promise<void>;
}
