import { Inject, Injectable } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { isNotificationKind, type NotificationKind, type NotificationState, type NotificationStatus, type SendOutcome } from '../../domain/index.js';
import type { NotificationFilter, NotificationRepository } from '../../application/ports/notification.repository.port.js';

const COLUMNS = 'id, order_id, customer_id, kind, sms_number, text, status, event_id, created_at, sent_at, sms_id, attempts, last_error';
const EXISTS = prepared('SELECT 1 FROM notifications WHERE order_id = $1 AND kind = $2');
// ON CONFLICT DO NOTHING on (order_id, kind): a concurrent recorder of the same notification waits for the first
// transaction, then inserts nothing — a duplicate, never an aborted transaction.
const INSERT = prepared(
  `INSERT INTO notifications (id, order_id, customer_id, kind, sms_number, text, status, event_id, created_at, next_attempt_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
   ON CONFLICT (order_id, kind) DO NOTHING`,
);
// SKIP LOCKED: rows another dispatcher (replica) is sending are left to it.
const CLAIM_DUE = prepared(
  `SELECT ${COLUMNS} FROM notifications WHERE status = 'pending' AND next_attempt_at <= $1
   ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
);
const RECORD_SENT = prepared(`UPDATE notifications SET status = 'sent', attempts = $2, sent_at = $3, sms_id = $4, last_error = NULL WHERE id = $1`);
const RECORD_FAILURE = prepared(`UPDATE notifications SET status = $2, attempts = $3, last_error = $4, next_attempt_at = coalesce($5, next_attempt_at) WHERE id = $1`);
// Both filters optional; the handler insists on at least one.
const LIST = prepared(
  `SELECT ${COLUMNS} FROM notifications WHERE ($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR order_id = $2)
   ORDER BY created_at DESC, id LIMIT $3`,
);

interface NotificationRow {
  id: string;
  order_id: string;
  customer_id: string;
  kind: string;
  sms_number: string;
  text: string;
  status: NotificationStatus;
  event_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  sms_id: string | null;
  attempts: number;
  last_error: string | null;
}

@Injectable()
export class NotificationPgRepository implements NotificationRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async exists(orderId: string, kind: NotificationKind): Promise<boolean> {
    return ((await this.tx.executor().query(EXISTS, [orderId, kind])).rowCount ?? 0) > 0;
  }

  async add(n: NotificationState): Promise<boolean> {
    const params = [n.id, n.orderId, n.customerId, n.kind, n.smsNumber, n.text, n.status, n.eventId ?? null, n.createdAt];
    return ((await this.tx.executor().query(INSERT, params)).rowCount ?? 0) > 0;
  }

  async claimDue(now: Date, limit: number): Promise<NotificationState[]> {
    return (await this.tx.executor().query<NotificationRow>(CLAIM_DUE, [now, limit])).rows.map(toState);
  }

  async recordAttempt(id: string, attempts: number, outcome: SendOutcome): Promise<void> {
    if (outcome.status === 'sent') await this.tx.executor().query(RECORD_SENT, [id, attempts, outcome.at, outcome.smsId]);
    else await this.tx.executor().query(RECORD_FAILURE, [id, outcome.status, attempts, outcome.error, outcome.retryAt ?? null]);
  }

  async list(filter: NotificationFilter): Promise<NotificationState[]> {
    return (await this.tx.executor().query<NotificationRow>(LIST, [filter.customerId ?? null, filter.orderId ?? null, filter.limit])).rows.map(toState);
  }
}

function toState(row: NotificationRow): NotificationState {
  if (!isNotificationKind(row.kind)) throw new Error(`notification ${row.id} has the unknown kind ${row.kind}`);
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    kind: row.kind,
    smsNumber: row.sms_number,
    text: row.text,
    status: row.status,
    eventId: row.event_id ?? undefined,
    createdAt: row.created_at,
    sentAt: row.sent_at ?? undefined,
    smsId: row.sms_id ?? undefined,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
  };
}
