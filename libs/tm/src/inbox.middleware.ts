import type { HandlerMiddleware } from '@mallbots/am';
import { prepared, type TransactionRunner } from './sql.js';

/**
 * De-duplicates deliveries per consumer (Q04, O09) and makes each message one transaction (Q02).
 *
 * The inbox row, the handler's state changes and its outbox rows commit together, and this middleware returns
 * only after that commit, so the broker adapter acks a message only once its effects are durable:
 * - `INSERT … ON CONFLICT DO NOTHING` never raises, so a duplicate never aborts the transaction; it is simply
 *   acked without calling the handler (the reference's failed INSERT aborted the transaction and NAK-looped
 *   duplicates until MaxDeliver, #20).
 * - The row is inserted in the handler's transaction, never auto-committed before it: a handler that throws rolls
 *   the row back too, so the redelivery is processed rather than skipped as a duplicate (#21 lost messages).
 * - Two concurrent deliveries of one message: the second INSERT waits on the first transaction's uncommitted key;
 *   it then sees the committed row (duplicate, skipped) or, if the first rolled back, inserts and processes.
 *
 * Put it outermost of the transactional middleware: if an outer `run` were already open, the commit (and so the
 * durability the ack relies on) would happen there, not here.
 */
const INSERT_INBOX = prepared(
  `INSERT INTO inbox (consumer, message_id, name, subject, received_at) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (consumer, message_id) DO NOTHING`,
);

export function inboxMiddleware(tx: TransactionRunner): HandlerMiddleware {
  return (next) => async (message) => {
    await tx.run(async () => {
      const inserted = await tx
        .executor()
        .query(
          INSERT_INBOX,
          [message.consumer, message.id, message.name, message.subject, message.receivedAt],
        );
      if (inserted.rowCount === 0) return;
      await next(message);
    });
  };
}
