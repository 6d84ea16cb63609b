/** Anything whose overdue steps can be swept; SagaOrchestrator fits. */
export interface SagaTimeouts {
  readonly name: string;
  processTimeouts(now?: Date, limit?: number): Promise<number>;
}

export interface SagaTimeoutSweeperOptions {
  sagas: readonly SagaTimeouts[];
  /** Pause between sweeps. Default 1 s. */
  intervalMs?: number;
  /** Sagas claimed per transaction; a full batch is followed at once by another sweep. Default 100. */
  batchSize?: number;
  clock?: () => Date;
  /** A failed sweep is reported and retried on the next tick (the deadlines are still in the table). */
  onError?: (error: unknown, saga: string) => void;
}

/**
 * Periodically fails the steps that got no reply in time (architecture §4.8; the reference has no timeouts).
 * Safe to run in every instance of a service: claims use FOR UPDATE SKIP LOCKED.
 */
export class SagaTimeoutSweeper {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly clock: () => Date;
  private readonly onError: (error: unknown, saga: string) => void;
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private scheduled = false;
  private stopRequested = false;

  constructor(private readonly options: SagaTimeoutSweeperOptions) {
    this.intervalMs = options.intervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 100;
    this.clock = options.clock ?? (() => new Date());
    this.onError = options.onError ?? ((error, saga) => console.error(`saga timeout sweep of ${saga} failed`, error));
  }

  start(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.stopRequested = false;
    this.schedule();
  }

  /** Stops scheduling and waits for a sweep in progress, so shutdown never cuts a transaction short. */
  async stop(): Promise<void> {
    this.scheduled = false;
    this.stopRequested = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep of every saga; returns how many sagas timed out. */
  async sweep(): Promise<number> {
    let total = 0;
    for (const saga of this.options.sagas) {
      if (this.stopRequested) break;
      try {
        for (;;) {
          const handled = await saga.processTimeouts(this.clock(), this.batchSize);
          total += handled;
          if (handled < this.batchSize || this.stopRequested) break;
        }
      } catch (error) {
        this.onError(error, saga.name);
      }
    }
    return total;
  }

  private schedule(): void {
    if (!this.scheduled) return;
    this.timer = setTimeout(() => {
      // sweep() reports its own errors, so the chain never rejects and the next tick is always scheduled.
      this.running = this.sweep().then(() => this.schedule());
    }, this.intervalMs);
  }
}
