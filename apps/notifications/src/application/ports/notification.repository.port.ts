import type { NotificationKind, NotificationState, SendOutcome } from '../../domain/index.js';

export const NOTIFICATION_REPOSITORY = Symbol.for('notifications.NotificationRepository');

export interface NotificationFilter {
  readonly customerId?: string;
  readonly orderId?: string;
  readonly limit: number;
}

/** The `notifications` table: every notification, once per order and kind. Runs on the caller's transaction. */
export interface NotificationRepository {
  exists(orderId: string, kind: NotificationKind): Promise<boolean>;
  /**
   * Records it unless the order already has a notification of this kind: false then. A concurrent recorder of the
   * same order and kind waits for the first one's transaction and then gets false (never a unique violation).
   */
  add(notification: NotificationState): Promise<boolean>;
  /** Up to `limit` pending notifications due at `now`, oldest first, locked for this transaction; rows other dispatchers hold are skipped. */
  claimDue(now: Date, limit: number): Promise<NotificationState[]>;
  /** Stores a send attempt's outcome; `attempts` is the count including it. */
  recordAttempt(id: string, attempts: number, outcome: SendOutcome): Promise<void>;
  /** Newest first. */
  list(filter: NotificationFilter): Promise<NotificationState[]>;
}
