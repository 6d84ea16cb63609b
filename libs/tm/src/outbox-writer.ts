import { injectTraceHeaders, type Headers, type Message, type MessagePublisher, type SentMessagesCounter } from '@mallbots/am';
import { payloadBuffer } from './message-row.js';
import { prepared, type TransactionRunner } from './sql.js';

export class OutboxOutsideTransactionError extends Error {
  constructor() {
    super('OutboxWriter.publish called outside a transaction: run it inside TransactionRunner.run (a publish that is not part of the state change it announces is a dual write)');
    this.name = 'OutboxOutsideTransactionError';
  }
}

export interface OutboxWriterOptions {
  /** NOTIFY channel the relay LISTENs on (the same value as OutboxRelayOptions.channel). */
  channel: string;
  /**
   * Decorates headers at write time. Default: am's injectTraceHeaders — the active OpenTelemetry context is
   * captured here, inside the request, so the consumer's span joins the producer's trace although the relay
   * publishes later from its own context (requirements §2.12 "middleware order", T03).
   */
  injectHeaders?: (headers: Headers) => Headers;
  /** `<svc>_sent_messages_count` (am's sentMessagesCounter): the outbox counts what it stores, as the reference does. */
  sentCounter?: SentMessagesCounter;
}

/**
 * The MessagePublisher application code uses in services (Q05, Q07): it does not send anything, it inserts the
 * messages into the outbox in the current transaction, so they exist if and only if the state change that
 * produced them commits. The relay publishes them afterwards.
 *
 * One round trip per call: all messages in one multi-row INSERT (via unnest) plus `pg_notify` in the same
 * statement. NOTIFY is transactional — delivered only on commit, and identical notifications in one transaction
 * collapse into one — so the relay wakes exactly when there is something committed to publish.
 */
// One statement, whatever the number of messages (arrays, not a VALUES list), so it is prepared once per connection.
const WRITE_OUTBOX = prepared(
  `WITH written AS (
     INSERT INTO outbox (id, name, subject, payload, headers, occurred_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[], $6::timestamptz[])
     ON CONFLICT (id) DO NOTHING
     RETURNING 1
   )
   SELECT pg_notify($7, '') FROM (SELECT count(*) FROM written) AS w`,
);

export class OutboxWriter implements MessagePublisher {
  private readonly injectHeaders: (headers: Headers) => Headers;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly options: OutboxWriterOptions,
  ) {
    this.injectHeaders = options.injectHeaders ?? ((headers) => injectTraceHeaders(headers));
  }

  async publish(messages: readonly Message[]): Promise<void> {
    if (!this.tx.inTransaction()) throw new OutboxOutsideTransactionError();
    if (messages.length === 0) return;
    const ids: string[] = [];
    const names: string[] = [];
    const subjects: string[] = [];
    const payloads: Buffer[] = [];
    const headers: string[] = [];
    const occurredAt: Date[] = [];
    for (const m of messages) {
      ids.push(m.id);
      names.push(m.name);
      subjects.push(m.subject);
      payloads.push(payloadBuffer(m.payload));
      headers.push(JSON.stringify(this.injectHeaders(m.headers)));
      occurredAt.push(m.occurredAt);
    }
    // A duplicate id (a retried command re-emitting the same event id) is ignored: the message is already queued.
    await this.tx.executor().query(WRITE_OUTBOX, [ids, names, subjects, payloads, headers, occurredAt, this.options.channel],
    );
    this.options.sentCounter?.inc(messages);
  }
}
