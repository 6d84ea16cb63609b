// Follows each checked-out basket's order (its id is the basket's: apps/ordering's BasketCheckedOut consumer)
// until it reaches a status busywork treats as final. One loop polls at most `concurrency` orders at a time, each
// with a growing interval, so the polling load stays bounded however many orders are waiting; an order is
// forgotten as soon as it is final, so memory follows the orders in flight, not the length of the run.
import type { MallApi } from './mall-api.ts';
import { FINAL_ORDER_STATUSES, type FinalOrderStatus, type Recorder } from './recorder.ts';
import { Waker } from './timing.ts';

/** The last status seen of an order that never became final; `not found yet` while ordering answers 404. */
export const NOT_FOUND_YET = 'not found yet';

export interface OrderTrackerOptions {
  /** The API the order polls go through (measured: they appear under GET /api/ordering/{id}). */
  readonly api: MallApi;
  readonly recorder: Recorder;
  /** Polls under way at once. */
  readonly concurrency?: number;
  /** The first poll waits this long after checkout; each following one twice as long as the last, up to maxDelayMs. */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Orders followed at once; checkouts beyond it are counted as untracked rather than growing memory. */
  readonly maxTracked?: number;
  readonly clock?: () => number;
}

interface Tracked {
  readonly checkedOutAt: number;
  nextAt: number;
  delay: number;
  lastStatus: string;
}

const isFinal = (status: string): status is FinalOrderStatus => (FINAL_ORDER_STATUSES as readonly string[]).includes(status);

export class OrderTracker {
  private readonly tracked = new Map<string, Tracked>();
  private readonly api: MallApi;
  private readonly recorder: Recorder;
  private readonly concurrency: number;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxTracked: number;
  private readonly clock: () => number;
  private readonly waker = new Waker();
  private readonly changed = new Waker();

  constructor(options: OrderTrackerOptions) {
    this.api = options.api;
    this.recorder = options.recorder;
    this.concurrency = options.concurrency ?? 4;
    this.firstDelayMs = options.firstDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 2_000;
    this.maxTracked = options.maxTracked ?? 10_000;
    this.clock = options.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.tracked.size;
  }

  /** Starts following the order of a basket that was just checked out. */
  add(orderId: string): void {
    if (this.tracked.has(orderId)) return;
    if (this.tracked.size >= this.maxTracked) {
      this.recorder.untracked++;
      return;
    }
    const now = this.clock();
    this.tracked.set(orderId, { checkedOutAt: now, nextAt: now + this.firstDelayMs, delay: this.firstDelayMs, lastStatus: NOT_FOUND_YET });
    this.waker.notify();
  }

  /** Polls due orders until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const now = this.clock();
      const due = [...this.tracked.entries()].filter(([, t]) => t.nextAt <= now).sort((a, b) => a[1].nextAt - b[1].nextAt).slice(0, this.concurrency);
      if (due.length === 0) {
        let next = Infinity;
        for (const t of this.tracked.values()) next = Math.min(next, t.nextAt);
        await this.waker.wait(Number.isFinite(next) ? next - now : 60_000, signal);
        continue;
      }
      await Promise.all(due.map(([id, t]) => this.poll(id, t, signal)));
      this.changed.notify();
    }
  }

  /** Resolves once no order is left to follow, or after `timeoutMs`, or when `signal` aborts. */
  async drain(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const deadline = this.clock() + timeoutMs;
    while (this.tracked.size > 0 && !signal?.aborted) {
      const left = deadline - this.clock();
      if (left <= 0) return;
      await this.changed.wait(left, signal);
    }
  }

  /** The orders still followed, by the last status seen. */
  pendingByStatus(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const t of this.tracked.values()) counts[t.lastStatus] = (counts[t.lastStatus] ?? 0) + 1;
    return counts;
  }

  private async poll(id: string, tracked: Tracked, signal: AbortSignal): Promise<void> {
    try {
      const order = await this.api.getOrder(id);
      if (order) tracked.lastStatus = order.status;
    } catch {
      // Recorded by the measured API (errors table); the order stays followed and is asked again later.
      if (signal.aborted) return;
    }
    if (isFinal(tracked.lastStatus)) {
      this.tracked.delete(id);
      this.recorder.orderFinal(tracked.lastStatus, this.clock() - tracked.checkedOutAt);
      return;
    }
    tracked.delay = Math.min(this.maxDelayMs, tracked.delay * 2);
    tracked.nextAt = this.clock() + tracked.delay;
  }
}
