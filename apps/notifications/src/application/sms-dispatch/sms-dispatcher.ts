import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { afterFailedSend, type NotificationState, type SendOutcome } from '../../domain/index.js';
import { NOTIFICATION_REPOSITORY, type NotificationRepository } from '../ports/notification.repository.port.js';
import { SMS_SENDER, type SmsSender } from '../ports/sms-sender.port.js';

export const SMS_DISPATCH_OPTIONS = Symbol.for('notifications.SmsDispatchOptions');

export interface SmsDispatchOptions {
  /** How often to look for due notifications while idle. Default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Notifications claimed per transaction. Default 20. */
  readonly batchSize?: number;
  /** `false` leaves the loop stopped (unit tests drive `dispatchDue` themselves). Default true. */
  readonly autoStart?: boolean;
}

/**
 * Sends recorded notifications: an outbox for SMS. Each round claims due `pending` rows in a transaction
 * (`FOR UPDATE SKIP LOCKED`, so replicas share the work and never send one row twice at once), sends them, and
 * stores each outcome in the same transaction.
 *
 * Delivery is at least once: a crash after the provider accepted an SMS and before the commit sends it again in a
 * later round — with the same idempotency key (the notification id), which real providers use to drop the repeat.
 * A refused send is retried with backoff (domain SEND_BACKOFF_MS), then marked `failed`.
 */
@Injectable()
export class SmsDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsDispatcher');
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    @Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner,
    @Inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(SMS_DISPATCH_OPTIONS) private readonly options: SmsDispatchOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.batchSize = options.batchSize ?? 20;
  }

  onApplicationBootstrap(): void {
    if (this.options.autoStart !== false) this.start();
  }

  /** Before the platform closes the pools (its onApplicationShutdown): the round in flight finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One round: sends what is due at `now`; resolves with how many notifications were attempted. */
  async dispatchDue(now = new Date()): Promise<number> {
    return this.tx.run(async () => {
      const due = await this.notifications.claimDue(now, this.batchSize);
      for (const notification of due) await this.attempt(notification, now);
      return due.length;
    });
  }

  private async attempt(notification: NotificationState, now: Date): Promise<void> {
    const attempts = notification.attempts + 1;
    let outcome: SendOutcome;
    try {
      const { messageId } = await this.sms.send({ idempotencyKey: notification.id, to: notification.smsNumber, text: notification.text });
      outcome = { status: 'sent', smsId: messageId, at: new Date() };
    } catch (err) {
      const failed = afterFailedSend(notification.attempts, err instanceof Error ? err.message : String(err), now);
      const givingUp = failed.status === 'failed';
      this.logger[givingUp ? 'error' : 'warn'](`SMS ${notification.id} (${notification.kind} of order ${notification.orderId}) not sent, attempt ${attempts}: ${failed.error}${givingUp ? ' — giving up' : ''}`);
      outcome = failed;
    }
    await this.notifications.recordAttempt(notification.id, attempts, outcome);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        // A full batch suggests more are due: go again at once instead of waiting for the next poll.
        busy = (await this.dispatchDue()) === this.batchSize;
      } catch (err) {
        // Database down or the like: the rows stay pending; try again after the interval.
        this.logger.warn(`SMS dispatch round failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!busy && this.running) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
