export const SMS_SENDER = Symbol.for('notifications.SmsSender');

export interface Sms {
  /** Stable across retries of one notification, for providers that de-duplicate (the notification id). */
  readonly idempotencyKey: string;
  readonly to: string;
  readonly text: string;
}

/**
 * The SMS provider (H05: the vendor is undecided). Resolves with the provider's message id once it accepted the
 * message; rejects when it did not (the dispatcher retries later).
 */
export interface SmsSender {
  send(sms: Sms): Promise<{ readonly messageId: string }>;
}
