import type { DeadLetter, DeadLetterStore, FailureRecord, IncomingMessage } from '@mallbots/am';
import { messageFromRow, payloadBuffer, type MessageRow } from './message-row.js';
import type { SqlExecutor } from './sql.js';

interface DeadLetterRow extends MessageRow {
  consumer: string;
  errors: { attempt: number; error: string; at: string }[];
  dead_lettered_at: Date;
  replayed_at: Date | null;
}

const columns = 'consumer, message_id, name, subject, payload, headers, occurred_at, errors, dead_lettered_at, replayed_at';

/**
 * PostgreSQL DeadLetterStore (O12; the reference dropped failing messages after MaxDeliver, #18).
 *
 * Give it the pool, never the request transaction: a failure is recorded *because* the handler's transaction is
 * rolled back, so writing it there would roll it back too. Failures go to message_failures (one row per failed
 * delivery, whichever replica handled it); `deadLetter` moves them into the dead letter's error history in the
 * same statement, followed by the final error. A message dead-lettered again after a replay keeps its earlier
 * history in front (the same contract as am's InMemoryDeadLetterStore).
 */
export class PgDeadLetterStore implements DeadLetterStore {
  constructor(private readonly db: SqlExecutor) {}

  async recordFailure(consumer: string, message: IncomingMessage, error: string): Promise<void> {
    await this.db.query('INSERT INTO message_failures (consumer, message_id, attempt, error, at) VALUES ($1, $2, $3, $4, clock_timestamp())', [
      consumer,
      message.id,
      message.deliveryAttempt,
      error,
    ]);
  }

  async deadLetter(consumer: string, message: IncomingMessage, error: string): Promise<DeadLetter> {
    const { rows } = await this.db.query<DeadLetterRow>(
      `WITH moved AS (
         DELETE FROM message_failures WHERE consumer = $1 AND message_id = $2 RETURNING attempt, error, at
       ), history AS (
         SELECT COALESCE(jsonb_agg(jsonb_build_object('attempt', attempt, 'error', error, 'at', at) ORDER BY at, attempt), '[]'::jsonb) AS earlier
           FROM moved
       )
       INSERT INTO dead_letters (consumer, message_id, name, subject, payload, headers, occurred_at, errors, dead_lettered_at)
       SELECT $1, $2, $3, $4, $5, $6, $7,
              history.earlier || jsonb_build_array(jsonb_build_object('attempt', $8::int, 'error', $9::text, 'at', clock_timestamp())),
              clock_timestamp()
         FROM history
       ON CONFLICT (consumer, message_id) DO UPDATE
         SET errors = dead_letters.errors || EXCLUDED.errors, dead_lettered_at = EXCLUDED.dead_lettered_at, replayed_at = NULL,
             name = EXCLUDED.name, subject = EXCLUDED.subject, payload = EXCLUDED.payload, headers = EXCLUDED.headers,
             occurred_at = EXCLUDED.occurred_at
       RETURNING ${columns}`,
      [consumer, message.id, message.name, message.subject, payloadBuffer(message.payload), JSON.stringify(message.headers), message.occurredAt, message.deliveryAttempt, error],
    );
    return toDeadLetter(rows[0]!);
  }

  async list(filter: { consumer?: string; includeReplayed?: boolean; limit?: number } = {}): Promise<DeadLetter[]> {
    const { rows } = await this.db.query<DeadLetterRow>(
      `SELECT ${columns} FROM dead_letters
        WHERE ($1::text IS NULL OR consumer = $1) AND ($2 OR replayed_at IS NULL)
        ORDER BY dead_lettered_at, consumer, message_id
        LIMIT $3`,
      [filter.consumer ?? null, filter.includeReplayed ?? false, filter.limit ?? null],
    );
    return rows.map(toDeadLetter);
  }

  async get(consumer: string, id: string): Promise<DeadLetter | undefined> {
    const { rows } = await this.db.query<DeadLetterRow>(`SELECT ${columns} FROM dead_letters WHERE consumer = $1 AND message_id = $2`, [consumer, id]);
    return rows[0] && toDeadLetter(rows[0]);
  }

  async markReplayed(consumer: string, id: string): Promise<void> {
    await this.db.query('UPDATE dead_letters SET replayed_at = clock_timestamp() WHERE consumer = $1 AND message_id = $2', [consumer, id]);
  }

  /** Dead letters awaiting attention (not replayed): the DLQ-size metric (architecture §4.11). */
  async count(): Promise<number> {
    const { rows } = await this.db.query<{ count: number }>('SELECT count(*)::int AS count FROM dead_letters WHERE replayed_at IS NULL');
    return rows[0]?.count ?? 0;
  }
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  const errors: FailureRecord[] = row.errors.map((e) => ({ attempt: e.attempt, error: e.error, at: new Date(e.at) }));
  return {
    id: row.message_id,
    consumer: row.consumer,
    message: messageFromRow(row),
    errors,
    deadLetteredAt: row.dead_lettered_at,
    ...(row.replayed_at ? { replayedAt: row.replayed_at } : {}),
  };
}
