import { captureTraceContext, type HandlerMiddleware, type IncomingMessage, type MessageHandler } from '@mallbots/am';
import { prepared, type TransactionRunner } from './sql.js';

export interface InboxOptions {
  /** Most messages committed in one transaction. Default 64; 1 turns group commit off. */
  maxBatch?: number;
  /** Transactions (so pooled connections) open at once for this middleware. Default 4. */
  maxTransactions?: number;
}

/**
 * De-duplicates deliveries per consumer (Q04, O09) and commits each message's effects with its inbox row (Q02).
 *
 * The inbox row, the handler's state changes and its outbox rows commit together, and the middleware resolves a
 * message only after that commit, so the broker adapter acks a message only once its effects are durable:
 * - `INSERT … ON CONFLICT DO NOTHING` never raises, so a duplicate never aborts the transaction; it is simply
 *   acked without calling the handler (the reference's failed INSERT aborted the transaction and NAK-looped
 *   duplicates until MaxDeliver, #20).
 * - The row is inserted in the handler's transaction, never auto-committed before it: a handler that throws rolls
 *   the row back too, so the redelivery is processed rather than skipped as a duplicate (#21 lost messages).
 * - Two concurrent deliveries of one message: the second INSERT waits on the first transaction's uncommitted key;
 *   it then sees the committed row (duplicate, skipped) or, if the first rolled back, inserts and processes.
 *
 * Group commit (ADR 11): messages that arrive while `maxTransactions` transactions are busy wait in a queue, and
 * the next free transaction takes up to `maxBatch` of them at once: one multi-row inbox INSERT, the handlers one
 * after another, one COMMIT. Under load that saves most of the per-message BEGIN/INSERT/COMMIT round trips and
 * fsyncs; with little traffic every message still gets a transaction of its own at once (no waiting for a batch
 * to fill). If anything in a shared transaction fails, it rolls back and every message of it runs again alone,
 * so each message gets its own outcome: one failing message never fails, delays past a retry or commits another.
 * A handler may therefore run a second time for a delivery (rolled back the first time), which at-least-once
 * handlers already tolerate.
 *
 * Put it outermost of the transactional middleware: if an outer `run` were already open, the commit (and so the
 * durability the ack relies on) would happen there, not here.
 */
export function inboxMiddleware(tx: TransactionRunner, options: InboxOptions = {}): HandlerMiddleware {
  const inbox = new GroupCommitInbox(tx, Math.max(1, options.maxBatch ?? 64), Math.max(1, options.maxTransactions ?? 4));
  return (next) => (message) => inbox.handle(message, next);
}

const INSERT_ONE = prepared(
  `INSERT INTO inbox (consumer, message_id, name, subject, received_at) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (consumer, message_id) DO NOTHING`,
);

// Rows in key order, so two batches holding some of the same keys lock them in the same order (no deadlock).
const INSERT_MANY = prepared(
  `INSERT INTO inbox (consumer, message_id, name, subject, received_at)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) ORDER BY 1, 2
   ON CONFLICT (consumer, message_id) DO NOTHING
   RETURNING consumer, message_id`,
);

interface Waiting {
  message: IncomingMessage;
  next: MessageHandler;
  /** Runs a function in the message's own trace context (the handlers run in the batch's async context). */
  inTrace: <T>(fn: () => T) => T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

class GroupCommitInbox {
  private readonly queue: Waiting[] = [];
  private open = 0;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly maxBatch: number,
    private readonly maxTransactions: number,
  ) {}

  handle(message: IncomingMessage, next: MessageHandler): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, next, inTrace: captureTraceContext(), resolve, reject });
      this.startTransactions();
    });
  }

  private startTransactions(): void {
    while (this.open < this.maxTransactions && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.open++;
      void this.commit(batch).finally(() => {
        this.open--;
        this.startTransactions();
      });
    }
  }

  /** Settles every message of the batch; never rejects. */
  private async commit(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await this.tx.run(() => this.handleAll(batch));
        for (const w of batch) w.resolve();
        return;
      } catch {
        // Rolled back: fall through and give every message its own transaction and outcome.
      }
    }
    for (const w of batch) {
      await this.tx.run(() => this.handleOne(w)).then(w.resolve, w.reject);
    }
  }

  private async handleOne(w: Waiting): Promise<void> {
    const { message } = w;
    const inserted = await this.tx.executor().query(INSERT_ONE, [message.consumer, message.id, message.name, message.subject, message.receivedAt]);
    if (inserted.rowCount === 0) return;
    await w.inTrace(() => w.next(message));
  }

  private async handleAll(batch: Waiting[]): Promise<void> {
    const column = <T>(pick: (m: IncomingMessage) => T) => batch.map((w) => pick(w.message));
    const { rows } = await this.tx
      .executor()
      .query<{ consumer: string; message_id: string }>(INSERT_MANY, [column((m) => m.consumer), column((m) => m.id), column((m) => m.name), column((m) => m.subject), column((m) => m.receivedAt)]);
    // A key is handled once even if two deliveries of the same message are in this batch.
    const fresh = new Set(rows.map((r) => inboxKey(r.consumer, r.message_id)));
    for (const w of batch) {
      if (!fresh.delete(inboxKey(w.message.consumer, w.message.id))) continue;
      await w.inTrace(() => w.next(w.message));
    }
  }
}

function inboxKey(consumer: string, messageId: string): string {
  return `${consumer}\u0000${messageId}`;
}
