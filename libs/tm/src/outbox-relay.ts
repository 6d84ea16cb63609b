import type pg from 'pg';
import { register as defaultRegistry, type Registry } from 'prom-client';
import { PublishError, type MessagePublisher } from '@mallbots/am';
import { Backoff, type BackoffOptions } from './backoff.js';
import { consoleLogger, type TmLogger } from './logger.js';
import { messageFromRow, type MessageRow } from './message-row.js';
import { relayMetrics, type RelayMetrics } from './relay-metrics.js';

export interface OutboxRelayOptions {
  /** A pool on the service database (not the request transaction): the relay takes one dedicated session from it. */
  pool: pg.Pool;
  /** Where messages go: the JetStream publisher in services. Must resolve only once the broker acked every message. */
  publisher: MessagePublisher;
  /** NOTIFY channel, the same as OutboxWriterOptions.channel. */
  channel: string;
  /** Advisory-lock key electing the one active relay per service. Default: derived from `channel`. */
  lockKey?: string | number;
  /** Rows per SELECT / publish / UPDATE round. Default 256. */
  batchSize?: number;
  /** Batches with the broker at once (each waits for its acks before it is marked). Default 2. */
  batchesInFlight?: number;
  /** Fallback poll when no NOTIFY arrives. Default 1000 ms. */
  pollIntervalMs?: number;
  /** How often a standby retries to become active. Default 2000 ms. */
  standbyRetryMs?: number;
  /** Delay after a failed publish or a lost database session. */
  backoff?: BackoffOptions;
  logger?: TmLogger;
  /** Default: prom-client's global registry. */
  registry?: Registry;
  /** `service` label of the metrics. */
  service?: string;
  /** application_name of the relay's session (visible in pg_stat_activity). Default `outbox-relay`. */
  applicationName?: string;
}

export type RelayState = 'stopped' | 'standby' | 'active';

interface OutboxRow extends MessageRow {
  seq: string;
}

/** "Every seq <= seqHigh was handed out to a transaction whose xid is below xid" (outbox_relay_tick). */
interface Checkpoint {
  seqHigh: bigint;
  xid: string;
}

interface TickRow {
  scan_floor: string;
  generation: string;
  settled: boolean;
  seq_high: string | null;
  checkpoint_xid: string | null;
}

interface InFlight {
  size: number;
  outcome: Promise<{ acked: OutboxRow[]; failure?: unknown; failedCount: number }>;
}

/**
 * Publishes committed outbox rows (architecture §4.6, Q06 Q08). The guarantees and how they are kept:
 *
 * - Nothing lost: a row is marked published only after the broker acked it (#15 marked rows before the ack);
 *   PublishError.failedIds stay unpublished and are retried; every error — broker or database — is retried with
 *   capped, jittered backoff and the relay never exits while started (#16 stopped for good on the first error).
 * - Nothing skipped: each pass starts from the *floor* (every row below it is published) and walks up in seq
 *   order. A row whose transaction commits after higher seqs were published is found by the next pass (its
 *   commit's NOTIFY starts one), because the floor only moves past a seq once the transaction that could hold it
 *   has provably ended: before each pass one call of `outbox_relay_tick` (tm-schema.ts) checks a checkpoint —
 *   "the last seq handed out" read before an xid was taken — against the oldest running xid. A pass that drained
 *   everything after a settled checkpoint raises the floor to just above that checkpoint's seq.
 * - Order: one active relay per service (#17 let replicas publish the same rows), elected by a session-level
 *   `pg_try_advisory_lock` on the relay's dedicated connection; rows go out in seq order, each batch in flight
 *   at once. Standbys retry the lock; when the active relay's session ends (stop, crash, network) PostgreSQL
 *   releases the lock and a standby takes over. All queries run on that same session, so a relay that lost its
 *   session (and so its lock) cannot keep publishing.
 * - Duplicates: a crash between the broker ack and the UPDATE republishes those rows. The broker's Nats-Msg-Id
 *   de-duplication absorbs it within its window, the consumers' inbox always (O09).
 * - Speed: per batch exactly one SELECT, one publish call (all messages in flight) and one
 *   `UPDATE … WHERE seq = ANY($1)`, pipelined so the database work of the neighbouring batches overlaps the broker
 *   round trip; the UPDATE is a HOT update (no index mentions published_at, pages are half free), and the floor
 *   keeps the SELECT from walking published rows. When a pass is drained the relay sleeps until a NOTIFY (sent by
 *   OutboxWriter, delivered at commit) or the poll interval.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly batchesInFlight: number;
  private readonly pollIntervalMs: number;
  private readonly standbyRetryMs: number;
  private readonly backoff: Backoff;
  private readonly logger: TmLogger;
  private readonly metrics: RelayMetrics;
  private readonly lockSql: { text: string; values: unknown[] };
  private running = false;
  private currentState: RelayState = 'stopped';
  private loop: Promise<void> | undefined;
  private unobserveBacklog: (() => void) | undefined;
  /** Set by NOTIFY (and stop); checked before sleeping so a wake-up during a round is never lost. */
  private wakeRequested = false;
  private wake: (() => void) | undefined;
  private interrupt: (() => void) | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 256;
    this.batchesInFlight = Math.max(1, options.batchesInFlight ?? 2);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.standbyRetryMs = options.standbyRetryMs ?? 2000;
    this.backoff = new Backoff(options.backoff);
    this.logger = options.logger ?? consoleLogger;
    this.metrics = relayMetrics(options.registry ?? defaultRegistry, options.service);
    const key = options.lockKey ?? `outbox-relay:${options.channel}`;
    this.lockSql =
      typeof key === 'number'
        ? { text: 'SELECT pg_try_advisory_lock($1::bigint) AS locked', values: [key] }
        : { text: 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', values: [key] };
  }

  get state(): RelayState {
    return this.currentState;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.currentState = 'standby';
    this.unobserveBacklog = this.metrics.observeBacklog(() => this.backlog());
    this.loop = this.superviseForever();
  }

  /** Stops after the in-flight batch is published and marked; releases the lock (a standby takes over). */
  async stop(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.wake?.();
    this.interrupt?.();
    await this.loop;
    this.unobserveBacklog?.();
    this.currentState = 'stopped';
  }

  private async superviseForever(): Promise<void> {
    while (this.running) {
      let session: pg.PoolClient | undefined;
      let sessionError: Error | undefined;
      const onError = (err: Error) => {
        // An idle session that dies (terminated backend, network) surfaces here; the next query then fails.
        sessionError = err;
        this.interrupt?.();
        this.wake?.();
      };
      try {
        session = await this.options.pool.connect();
        session.on('error', onError);
        session.on('notification', () => this.requestWake());
        await session.query({ text: 'SELECT set_config($1, $2, false)', values: ['application_name', this.options.applicationName ?? 'outbox-relay'] });
        if (!(await this.acquireLock(session, () => sessionError))) continue;
        await session.query(`LISTEN ${quoteIdent(this.options.channel)}`);
        this.currentState = 'active';
        this.logger.info({ channel: this.options.channel, service: this.options.service }, 'outbox relay active');
        await this.relayWhileActive(session, () => sessionError);
      } catch (err) {
        this.logger.error({ err, channel: this.options.channel, service: this.options.service }, 'outbox relay error; retrying with backoff');
        if (this.running) await this.pause(this.backoff.next());
      } finally {
        if (this.running) this.currentState = 'standby';
        // Destroying the session (not returning it to the pool) ends LISTEN and releases the advisory lock at once.
        session?.removeListener('error', onError);
        session?.release(true);
      }
    }
  }

  /** Standby: retry the lock until it is ours or the relay stops. */
  private async acquireLock(session: pg.PoolClient, lost: () => Error | undefined): Promise<boolean> {
    while (this.running) {
      const { rows } = await session.query<{ locked: boolean }>(this.lockSql);
      if (rows[0]?.locked) return true;
      await this.pause(this.standbyRetryMs);
      const err = lost();
      if (err) throw err;
    }
    return false;
  }

  /**
   * Relays in passes. A pass walks the unpublished rows in seq order with a cursor and keeps the pipeline full:
   * while one batch is with the broker, the next batch is already being read, and the previous one is being marked
   * (all on the one session, whose queries PostgreSQL runs in order). A pass ends at the first short batch; the next
   * pass starts again from the lowest unpublished seq, so a row whose transaction committed after higher seqs were
   * relayed (its NOTIFY wakes the relay) is never skipped. A failed publish ends the pass too: after the backoff the
   * failed rows are the oldest unpublished ones and go out first.
   */
  private async relayWhileActive(session: pg.PoolClient, lost: () => Error | undefined): Promise<void> {
    let pending: Checkpoint | undefined;
    let earned: { generation: string; to: bigint } | undefined;
    while (this.running) {
      this.wakeRequested = false;
      const tick = await this.tick(session, earned, pending);
      earned = undefined;
      const settled = tick.settled ? pending : undefined;
      if (tick.checkpoint_xid !== null) pending = { seqHigh: BigInt(tick.seq_high!), xid: tick.checkpoint_xid };
      const outcome = await this.relayPass(session, tick.scan_floor);
      const err = lost();
      if (err) throw err;
      // Every row <= settled.seqHigh was visible to this pass, and a drained pass published all it saw.
      if (outcome === 'drained' && settled && settled.seqHigh + 1n > BigInt(tick.scan_floor)) earned = { generation: tick.generation, to: settled.seqHigh + 1n };
      if (outcome === 'stopped') return;
      if (outcome === 'failed') {
        await this.pause(this.backoff.next());
        continue;
      }
      this.backoff.reset();
      if (!this.wakeRequested) await this.waitForWake();
    }
  }

  /** The floor to scan from; settles the pending checkpoint or takes one; stores the floor the last pass earned. */
  private async tick(session: pg.PoolClient, earned: { generation: string; to: bigint } | undefined, pending: Checkpoint | undefined): Promise<TickRow> {
    const { rows } = await session.query<TickRow>({
      name: 'tm_outbox_relay_tick',
      text: 'SELECT scan_floor::text, generation::text, settled, seq_high::text, checkpoint_xid::text FROM outbox_relay_tick($1::bigint, $2::bigint, $3::xid8)',
      values: [earned?.generation ?? null, earned?.to.toString() ?? null, pending?.xid ?? null],
    });
    return rows[0]!;
  }

  private async relayPass(session: pg.PoolClient, floor: string): Promise<'drained' | 'failed' | 'stopped'> {
    let marking: Promise<void> = Promise.resolve();
    let next: Promise<OutboxRow[]> | undefined = observed(this.fetch(session, (BigInt(floor) - 1n).toString()));
    let drained = false;
    // Up to `batchesInFlight` batches with the broker at once: new batches go out while the acks of earlier ones
    // travel back. All go out in seq order on one connection, so the stream stores them in order.
    const inFlight: InFlight[] = [];
    const settle = async (batch: InFlight): Promise<boolean> => {
      const { acked, failure, failedCount } = await batch.outcome;
      await marking; // at most one UPDATE outstanding, so marks never pile up behind a slow broker
      marking = acked.length > 0 ? observed(this.markPublished(session, acked)) : Promise.resolve();
      if (failure === undefined) return true;
      this.metrics.publishFailed(failedCount);
      this.logger.warn({ err: failure, failed: failedCount, batch: batch.size, service: this.options.service }, 'outbox publish failed; retrying with backoff');
      return false;
    };
    let ok = true;
    try {
      while (next && this.running && ok) {
        const rows: OutboxRow[] = await next;
        drained = rows.length < this.batchSize;
        if (rows.length === 0) break;
        // Read ahead only while batches come back full: a short batch means the table is drained for this pass.
        next = rows.length === this.batchSize ? observed(this.fetch(session, rows[rows.length - 1]!.seq)) : undefined;
        inFlight.push({ size: rows.length, outcome: this.publish(rows) });
        if (inFlight.length >= this.batchesInFlight) ok = await settle(inFlight.shift()!);
      }
      while (ok && inFlight.length > 0) ok = await settle(inFlight.shift()!);
      if (!ok) return 'failed';
      return drained ? 'drained' : 'stopped';
    } finally {
      // Settle what is still in flight (its acked rows are marked), then the last mark; a failed mark or read is
      // rethrown: the session is broken and the supervisor reconnects.
      while (inFlight.length > 0) await settle(inFlight.shift()!);
      await next?.catch(() => undefined);
      await marking;
    }
  }

  private async fetch(session: pg.PoolClient, afterSeq: string): Promise<OutboxRow[]> {
    const { rows } = await session.query<OutboxRow>({
      name: 'tm_outbox_unpublished_after',
      text: `SELECT seq, id AS message_id, name, subject, payload, headers, occurred_at
               FROM outbox WHERE published_at IS NULL AND seq > $1 ORDER BY seq LIMIT $2`,
      values: [afterSeq, this.batchSize],
    });
    return rows;
  }

  private async publish(rows: OutboxRow[]): Promise<{ acked: OutboxRow[]; failure?: unknown; failedCount: number }> {
    try {
      await this.options.publisher.publish(rows.map(messageFromRow));
      return { acked: rows, failedCount: 0 };
    } catch (failure) {
      const failedIds = new Set(failure instanceof PublishError ? failure.failedIds : rows.map((r) => r.message_id));
      return { acked: rows.filter((r) => !failedIds.has(r.message_id)), failure, failedCount: failedIds.size };
    }
  }

  private async markPublished(session: pg.PoolClient, rows: OutboxRow[]): Promise<void> {
    await session.query({
      name: 'tm_outbox_mark_published',
      text: 'UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])',
      values: [rows.map((r) => r.seq)],
    });
    this.metrics.published(rows.length);
  }

  private async backlog(): Promise<{ count: number; oldestAgeSeconds: number }> {
    const { rows } = await this.options.pool.query<{ count: number; age: number | null }>(
      `SELECT count(*)::int AS count, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS age
         FROM outbox WHERE seq >= (SELECT floor FROM outbox_relay_state) AND published_at IS NULL`,
    );
    return { count: rows[0]?.count ?? 0, oldestAgeSeconds: Math.max(0, rows[0]?.age ?? 0) };
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  /** Until a NOTIFY, the poll interval, stop, or a session error. */
  private waitForWake(): Promise<void> {
    return new Promise((resolve) => {
      // stop() may have run while a round was in flight, when there was nothing to wake yet.
      if (!this.running) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }

  /** A delay that NOTIFY does not cut short (so a down broker is not hammered), but stop does. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (!this.running) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The pipelined SELECT and UPDATE wait on the session while the loop awaits the broker. If the session dies in that
 * window both reject before anyone awaits them, and an unhandled rejection would end the process. Marking them
 * handled at creation keeps the rejection for whoever awaits the promise later (the supervisor then reconnects).
 */
function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
