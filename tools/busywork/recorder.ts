// What a run measured, in memory that does not grow with the run's length: per route a latency histogram and
// counters, errors grouped by route and status (one example each), flow outcomes, orders by final status.
// `measured()` is the decorator that feeds it from any MallApi, so the HTTP client stays free of bookkeeping.
import { FLOW_KINDS, type FlowKind } from './flow-choice.ts';
import { Histogram } from './histogram.ts';
import { CallAbortedError, MallApiError, ROUTES, type FailureStatus, type MallApi, type Operation, type Route } from './mall-api.ts';

export interface RouteStats {
  readonly route: Route;
  /** Every call made (not aborted), answered or not. */
  calls: number;
  /** Calls that got an HTTP answer (any status); their latencies are in the histogram. */
  answered: number;
  failed: number;
  readonly latency: Histogram;
}

export interface ErrorGroup {
  readonly route: Route;
  readonly status: FailureStatus;
  count: number;
  readonly example: string;
  readonly requestId: string | undefined;
}

export const FLOW_OUTCOMES = ['done', 'skipped', 'failed', 'interrupted'] as const;
export type FlowOutcome = (typeof FLOW_OUTCOMES)[number];
export type FlowCounts = Record<FlowOutcome, number> & { started: number };

export const FINAL_ORDER_STATUSES = ['approved', 'rejected', 'cancelled', 'completed'] as const;
export type FinalOrderStatus = (typeof FINAL_ORDER_STATUSES)[number];

export class Recorder {
  readonly routes = new Map<Route, RouteStats>();
  readonly errors = new Map<string, ErrorGroup>();
  readonly flows: Record<FlowKind, FlowCounts>;
  /** Why flows were skipped (a fixed set of reasons), with counts. */
  readonly skipReasons = new Map<string, number>();
  readonly ordersFinal: Record<FinalOrderStatus, number> = { approved: 0, rejected: 0, cancelled: 0, completed: 0 };
  /** Checkout answered → final status seen by the poller (its resolution is the polling interval). */
  readonly timeToFinal = new Histogram();
  requests = 0;
  aborted = 0;
  checkedOut = 0;
  /** Commands answered 409 (a lost optimistic-concurrency race) and sent again, by route. */
  readonly conflictsRetried = new Map<Route, number>();
  /** Checked-out orders beyond the tracker's limit, never polled. */
  untracked = 0;
  private readonly onNewError: ((group: ErrorGroup) => void) | undefined;

  constructor(onNewError?: (group: ErrorGroup) => void) {
    this.onNewError = onNewError;
    this.flows = Object.fromEntries(FLOW_KINDS.map((k) => [k, { started: 0, done: 0, skipped: 0, failed: 0, interrupted: 0 }])) as Record<FlowKind, FlowCounts>;
  }

  get errorCount(): number {
    let n = 0;
    for (const group of this.errors.values()) n += group.count;
    return n;
  }

  answered(operation: Operation, ms: number): void {
    this.requests++;
    const stats = this.route(operation);
    stats.calls++;
    stats.answered++;
    stats.latency.record(ms);
  }

  failed(operation: Operation, status: FailureStatus, message: string, ms: number | undefined, requestId?: string): void {
    this.requests++;
    const stats = this.route(operation);
    stats.calls++;
    stats.failed++;
    if (ms !== undefined) {
      stats.answered++;
      stats.latency.record(ms);
    }
    const key = `${ROUTES[operation]} ${status}`;
    const group = this.errors.get(key);
    if (group) {
      group.count++;
      return;
    }
    const created: ErrorGroup = { route: ROUTES[operation], status, count: 1, example: message, requestId };
    this.errors.set(key, created);
    this.onNewError?.(created);
  }

  conflictRetried(operation: Operation): void {
    const route = ROUTES[operation];
    this.conflictsRetried.set(route, (this.conflictsRetried.get(route) ?? 0) + 1);
  }

  abortedCall(): void {
    this.aborted++;
  }

  flowStarted(kind: FlowKind): void {
    this.flows[kind].started++;
  }

  flowEnded(kind: FlowKind, outcome: FlowOutcome, skipReason?: string): void {
    this.flows[kind][outcome]++;
    if (outcome === 'skipped' && skipReason) this.skipReasons.set(skipReason, (this.skipReasons.get(skipReason) ?? 0) + 1);
  }

  orderFinal(status: FinalOrderStatus, msSinceCheckout: number): void {
    this.ordersFinal[status]++;
    this.timeToFinal.record(msSinceCheckout);
  }

  private route(operation: Operation): RouteStats {
    const route = ROUTES[operation];
    let stats = this.routes.get(route);
    if (!stats) {
      stats = { route, calls: 0, answered: 0, failed: 0, latency: new Histogram() };
      this.routes.set(route, stats);
    }
    return stats;
  }
}

/** `api` with every call timed and counted into `recorder`; errors are recorded and rethrown unchanged. */
export function measured(api: MallApi, recorder: Recorder, clock: () => number = () => performance.now()): MallApi {
  const wrapped: Partial<Record<Operation, (...args: never[]) => Promise<unknown>>> = {};
  for (const operation of Object.keys(ROUTES) as Operation[]) {
    const call = (api[operation] as (...args: unknown[]) => Promise<unknown>).bind(api);
    wrapped[operation] = async (...args: unknown[]) => {
      const started = clock();
      try {
        const result = await call(...args);
        recorder.answered(operation, clock() - started);
        return result;
      } catch (err) {
        if (err instanceof CallAbortedError) recorder.abortedCall();
        else if (err instanceof MallApiError) recorder.failed(operation, err.status, err.message, typeof err.status === 'number' ? clock() - started : undefined, err.requestId);
        else recorder.failed(operation, 'network', String((err as Error)?.message ?? err), undefined);
        throw err;
      }
    };
  }
  return wrapped as unknown as MallApi;
}
