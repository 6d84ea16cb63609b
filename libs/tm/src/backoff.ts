export interface BackoffOptions {
  /** First delay. Default 100 ms. */
  initialMs?: number;
  /** Cap. Default 30 s. */
  maxMs?: number;
  /** Growth per consecutive failure. Default 2. */
  factor?: number;
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), capped: consecutive failures wait longer,
 * and replicas or relays that failed together do not retry in lock-step (requirements O13, S1 "back off").
 */
export class Backoff {
  private failures = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;

  constructor(options: BackoffOptions = {}, private readonly random: () => number = Math.random) {
    this.initialMs = options.initialMs ?? 100;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
  }

  /** The delay before the next attempt, counting this failure. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.initialMs * this.factor ** this.failures);
    this.failures++;
    return ceiling / 2 + this.random() * (ceiling / 2);
  }

  reset(): void {
    this.failures = 0;
  }
}
