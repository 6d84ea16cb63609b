import { consoleLogger, type TmLogger } from './logger.js';
import type { SqlExecutor } from './sql.js';

export interface RetentionOptions {
  /**
   * Age after which inbox rows are deleted. Must exceed the longest time a message can still be redelivered
   * (broker redeliveries + backoff, stream age, a dead letter's replay): once its row is gone, a late duplicate
   * would be processed again.
   */
  inboxOlderThanMs: number;
  /** Age (since publication) after which published outbox rows are deleted. Unpublished rows are never deleted. */
  publishedOutboxOlderThanMs: number;
  /** Age after which failure records not yet part of a dead letter are deleted. */
  failuresOlderThanMs: number;
  /** Rows per DELETE, so cleanup never holds long locks or bloats one transaction. Default 1000. */
  batchSize?: number;
}

export interface RetentionResult {
  inbox: number;
  outbox: number;
  failures: number;
}

/**
 * Deletes old inbox rows, published outbox rows and stray failure records (Q09; the reference never cleaned up,
 * #25), in bounded batches. Use the pool, not a request transaction: each batch commits on its own.
 */
export async function cleanupMessages(db: SqlExecutor, options: RetentionOptions): Promise<RetentionResult> {
  const batch = options.batchSize ?? 1000;
  return {
    inbox: await deleteInBatches(db, 'inbox', 'ctid', 'received_at < now() - $1 * interval \'1 millisecond\'', options.inboxOlderThanMs, batch),
    // published_at >= created_at, so the created_at condition changes nothing but lets the created_at index find
    // the rows (no index mentions published_at: see tm-schema.ts).
    outbox: await deleteInBatches(
      db,
      'outbox',
      'seq',
      'created_at < now() - $1 * interval \'1 millisecond\' AND published_at < now() - $1 * interval \'1 millisecond\'',
      options.publishedOutboxOlderThanMs,
      batch,
    ),
    failures: await deleteInBatches(db, 'message_failures', 'ctid', 'at < now() - $1 * interval \'1 millisecond\'', options.failuresOlderThanMs, batch),
  };
}

async function deleteInBatches(db: SqlExecutor, table: string, key: string, olderThan: string, ageMs: number, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(`DELETE FROM ${table} WHERE ${key} = ANY(ARRAY(SELECT ${key} FROM ${table} WHERE ${olderThan} LIMIT $2))`, [ageMs, batch]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return total;
  }
}

export interface RetentionJobOptions extends RetentionOptions {
  db: SqlExecutor;
  /** Default one hour. */
  intervalMs?: number;
  logger?: TmLogger;
}

/** Runs cleanupMessages every `intervalMs` (first run right after start); errors are logged and retried next time. */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private started = false;

  constructor(private readonly options: RetentionJobOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Waits for a cleanup in progress. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One cleanup now (also what the timer runs). */
  async runOnce(): Promise<RetentionResult> {
    const run = cleanupMessages(this.options.db, this.options);
    this.running = run.catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(async () => {
      try {
        const deleted = await this.runOnce();
        (this.options.logger ?? consoleLogger).info({ deleted }, 'message retention cleanup');
      } catch (err) {
        (this.options.logger ?? consoleLogger).error({ err }, 'message retention cleanup failed; retrying next interval');
      }
      if (this.started) this.schedule(this.options.intervalMs ?? 3_600_000);
    }, delayMs);
    // A pending cleanup must not keep a shutting-down process alive.
    this.timer.unref();
  }
}
