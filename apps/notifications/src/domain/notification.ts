import { InvalidArgumentError } from '@mallbots/ddd';
import type { CachedCustomer } from './cached-customer.js';
import { type NotificationKind, notificationText } from './notification-kind.js';

/**
 * - `pending`: recorded, waiting for the SMS dispatcher (the SMS is sent after the recording transaction commits, so a
 *   rolled-back or re-run handler never texts anyone);
 * - `sent`: the provider accepted it (`smsId` is its message id);
 * - `suppressed`: the customer is disabled, nothing is sent (kept so an operator sees why);
 * - `failed`: the provider refused it on every attempt; an operator has to look.
 */
export type NotificationStatus = 'pending' | 'sent' | 'suppressed' | 'failed';

export interface NotificationState {
  readonly id: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly kind: NotificationKind;
  readonly smsNumber: string;
  readonly text: string;
  readonly status: NotificationStatus;
  /** The integration event that caused it; absent when it came from the gRPC API. */
  readonly eventId?: string;
  readonly createdAt: Date;
  readonly sentAt?: Date;
  readonly smsId?: string;
  readonly attempts: number;
  readonly lastError?: string;
}

export interface NotificationRequest {
  readonly orderId: string;
  readonly customerId: string;
  readonly kind: NotificationKind;
  readonly eventId?: string;
}

/** Refuses blank ids (a message or call that would be refused the same way on every retry). */
export function checkNotificationRequest(request: NotificationRequest): void {
  if (!request.orderId?.trim()) throw new InvalidArgumentError('the order id cannot be blank', [{ field: 'order_id', reason: 'blank' }]);
  if (!request.customerId?.trim()) throw new InvalidArgumentError('the customer id cannot be blank', [{ field: 'customer_id', reason: 'blank' }]);
}

/** The notification for `request`, addressed to the customer as the cache knows them (reachable: has a number). */
export function composeNotification(id: string, request: NotificationRequest, customer: CachedCustomer, now: Date): NotificationState {
  const { smsNumber, name } = customer.state;
  if (!smsNumber) throw new Error(`customer ${customer.id} has no SMS number: look them up before composing`);
  return {
    id,
    orderId: request.orderId,
    customerId: request.customerId,
    kind: request.kind,
    smsNumber,
    text: notificationText(request.kind, request.orderId, name),
    status: customer.enabled ? 'pending' : 'suppressed',
    eventId: request.eventId,
    createdAt: now,
    attempts: 0,
  };
}

/** Delays between send attempts; after the last one the notification is `failed` (a provider outage of ~1 h). */
export const SEND_BACKOFF_MS = [1_000, 5_000, 15_000, 60_000, 300_000, 600_000, 1_800_000] as const;

export type FailedSend = { readonly status: 'pending' | 'failed'; readonly error: string; readonly retryAt?: Date };
export type SendOutcome = { readonly status: 'sent'; readonly smsId: string; readonly at: Date } | FailedSend;

/** After a failed send: try again later, or give up once every delay has been spent. */
export function afterFailedSend(attemptsBefore: number, error: string, now: Date): FailedSend {
  const delay = SEND_BACKOFF_MS[attemptsBefore];
  if (delay === undefined) return { status: 'failed', error };
  return { status: 'pending', error, retryAt: new Date(now.getTime() + delay) };
}
