// One busywork run: N kiosk clients working until the duration is up (or the run is interrupted), the orders they
// checked out followed to a final status, then a report. Every timer is cleared and every wait ends with the run,
// so the process exits by itself once the report is printed.
import { randomInt } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { BusyworkOptions } from './busywork-options.ts';
import { retryingConflicts } from './conflict-retry.ts';
import { chooseFlow, type FlowKind } from './flow-choice.ts';
import { FLOWS, FlowStopped, type FlowContext } from './flows.ts';
import { CallAbortedError, HttpMallApi, MallApiError, type MallApi } from './mall-api.ts';
import { OrderTracker } from './order-tracker.ts';
import type { ProgressSnapshot } from './progress.ts';
import { measured, Recorder, type ErrorGroup, type FlowOutcome } from './recorder.ts';
import { createRng, type Rng } from './rng.ts';
import { kioskRequests, type BusyworkReport } from './summary.ts';
import { sleep } from './timing.ts';

/** The reference's think time (reference-behaviour §10): per client 8 s + [0, 3 s) between units, 0.5 s + [0, 1.5 s) before each step. */
export interface ThinkTime {
  readonly intervalMs: number;
  readonly intervalJitterMs: number;
  readonly pauseMs: number;
  readonly pauseJitterMs: number;
}

export const REFERENCE_THINK_TIME: ThinkTime = { intervalMs: 8_000, intervalJitterMs: 3_000, pauseMs: 500, pauseJitterMs: 1_500 };

export interface RunHooks {
  /** Replaces the HTTP clients (tests): `api` for the kiosks, `observerApi` for the order polls (defaults to `api`). */
  readonly api?: MallApi;
  readonly observerApi?: MallApi;
  /** Aborting it stops the run at once: no new steps, calls under way aborted, no order drain (Ctrl-C). */
  readonly interrupt?: AbortSignal;
  readonly onProgress?: (snapshot: ProgressSnapshot) => void;
  readonly onNewError?: (group: ErrorGroup) => void;
  /** Each unit of work as a client starts it (to see the sequence a seed gives). */
  readonly onFlowStart?: (client: number, kind: FlowKind) => void;
  readonly progressEveryMs?: number;
  readonly thinkTime?: ThinkTime;
  /** How long clients may take to finish the unit of work they are in once the duration is up. */
  readonly finishGraceMs?: number;
  readonly requestTimeoutMs?: number;
  readonly orderPollConcurrency?: number;
}

/** The target did not answer the first call: nothing was run. */
export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

/**
 * The run's three stops. `finishing`: no new unit of work, no more think pauses (the duration is up, or Ctrl-C).
 * `kiosks`: the kiosks' calls under way are aborted (Ctrl-C, or the finishing grace is over). `observer`: the order
 * polling ends (Ctrl-C, or after the drain).
 */
class Stops {
  readonly finishing = new AbortController();
  readonly kiosks = new AbortController();
  readonly observer = new AbortController();
  interrupted = false;

  interrupt = (): void => {
    this.interrupted = true;
    this.all();
  };

  all(): void {
    this.kiosks.abort();
    this.observer.abort();
    this.finishing.abort();
  }
}

export async function runBusywork(options: BusyworkOptions, hooks: RunHooks = {}): Promise<BusyworkReport> {
  const stops = new Stops();
  if (hooks.interrupt?.aborted) stops.interrupt();
  hooks.interrupt?.addEventListener('abort', stops.interrupt, { once: true });
  try {
    return await run(options, hooks, stops);
  } finally {
    hooks.interrupt?.removeEventListener('abort', stops.interrupt);
    stops.all();
  }
}

async function run(options: BusyworkOptions, hooks: RunHooks, stops: Stops): Promise<BusyworkReport> {
  const seed = options.seed ?? randomInt(0, 2 ** 32);
  const recorder = new Recorder(hooks.onNewError);
  const runId = Date.now().toString(36);
  const http = (signal: AbortSignal, prefix: string) => new HttpMallApi({ baseUrl: options.target, signal, timeoutMs: hooks.requestTimeoutMs, requestIdPrefix: prefix });
  const rawApi = hooks.api ?? http(stops.kiosks.signal, `busywork-${runId}`);
  const rawObserver = hooks.observerApi ?? hooks.api ?? http(stops.observer.signal, `busywork-${runId}-poll`);
  const report = (elapsedMs: number, drainMs: number, pendingOrders: Record<string, number>): BusyworkReport => ({
    target: options.target,
    clients: options.clients,
    stress: options.stress,
    seed,
    plannedMs: options.durationMs,
    elapsedMs,
    drainMs,
    endedBy: stops.interrupted ? 'interrupted' : 'duration',
    recorder,
    pendingOrders,
  });

  // One unmeasured call first: a wrong port or a system that is not started is one clear message, not a run of errors.
  try {
    await rawApi.getStores();
  } catch (err) {
    if (err instanceof CallAbortedError) return report(0, 0, {});
    const why = err instanceof MallApiError && typeof err.status === 'number' ? `${err.status} ${err.message}` : (err as Error).message;
    throw new TargetUnreachableError(`no MallBots answers at ${options.target} (GET /api/stores: ${why}); is \`npm start\` running, and is this its gateway?`);
  }

  // measured(retrying(http)): a call's latency includes its conflict retries, as the kiosk experiences it.
  const api = measured(retryingConflicts(rawApi, { onRetry: (operation) => recorder.conflictRetried(operation) }), recorder);
  const tracker = new OrderTracker({ api: measured(rawObserver, recorder), recorder, concurrency: hooks.orderPollConcurrency });
  const trackerDone = tracker.run(stops.observer.signal);
  const started = performance.now();
  let phase: ProgressSnapshot['phase'] = 'running';
  let loadEndedAt: number | undefined;
  const progressTimer = hooks.onProgress
    ? setInterval(() => {
        hooks.onProgress!({
          phase,
          elapsedMs: (loadEndedAt ?? performance.now()) - started,
          plannedMs: options.durationMs,
          requests: kioskRequests(recorder),
          errors: recorder.errorCount,
          checkedOut: recorder.checkedOut,
          approved: recorder.ordersFinal.approved,
          pendingOrders: tracker.size,
        });
      }, hooks.progressEveryMs ?? 1_000)
    : undefined;
  const durationTimer = setTimeout(() => stops.finishing.abort(), options.durationMs);

  try {
    const think = hooks.thinkTime ?? REFERENCE_THINK_TIME;
    const clients = Promise.all(Array.from({ length: options.clients }, (_, index) => runClient({ index, seed, stress: options.stress, think, api, recorder, tracker, stops, onFlowStart: hooks.onFlowStart })));
    await Promise.race([clients, untilAborted(stops.finishing.signal)]);
    // The duration is up: units of work under way finish without their think pauses, within a grace period.
    phase = 'finishing';
    await Promise.race([clients, sleep(hooks.finishGraceMs ?? 10_000, stops.kiosks.signal)]);
    stops.kiosks.abort();
    await clients;
    loadEndedAt = performance.now();

    phase = 'draining';
    const drainStarted = performance.now();
    await tracker.drain(options.drainMs, stops.observer.signal);
    return report(loadEndedAt - started, performance.now() - drainStarted, tracker.pendingByStatus());
  } finally {
    clearTimeout(durationTimer);
    if (progressTimer) clearInterval(progressTimer);
    stops.all();
    await trackerDone;
  }
}

/** Resolves when `signal` aborts (the listener goes with it). */
function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

interface ClientSetup {
  readonly index: number;
  readonly seed: number;
  readonly stress: boolean;
  readonly think: ThinkTime;
  readonly api: MallApi;
  readonly recorder: Recorder;
  readonly tracker: OrderTracker;
  readonly stops: Stops;
  readonly onFlowStart: ((client: number, kind: FlowKind) => void) | undefined;
}

/** One kiosk: a unit of work, the client's interval, the next unit… until the run is finishing. */
async function runClient(setup: ClientSetup): Promise<void> {
  const { index, seed, stress, think, recorder, stops } = setup;
  const finishing = stops.finishing.signal;
  const choices = createRng(seed, index * 3);
  const data = createRng(seed, index * 3 + 1);
  const thinking = createRng(seed, index * 3 + 2);
  // As in the reference, each client keeps its own interval for the whole run.
  const intervalMs = think.intervalMs + jitter(thinking, think.intervalJitterMs);
  const ctx: FlowContext = {
    api: setup.api,
    rng: data,
    async pause() {
      if (!stress && !finishing.aborted) await sleep(think.pauseMs + jitter(thinking, think.pauseJitterMs), finishing);
      if (stops.kiosks.signal.aborted) throw new FlowStopped('the run was stopped');
    },
    checkedOut(orderId: string) {
      recorder.checkedOut++;
      setup.tracker.add(orderId);
    },
  };
  while (!finishing.aborted) {
    const kind = chooseFlow(choices);
    setup.onFlowStart?.(index, kind);
    const outcome = await runFlow(kind, ctx, recorder);
    if (finishing.aborted) break;
    if (!stress) await sleep(intervalMs, finishing);
    // Back to back, but never starving the event loop (a fake or a cache can answer without I/O); after a failure a
    // short breath, so that an unreachable system is not hammered in a tight loop.
    else if (outcome === 'failed') await sleep(100, finishing);
    else await yieldToEventLoop();
  }
}

async function runFlow(kind: FlowKind, ctx: FlowContext, recorder: Recorder): Promise<FlowOutcome> {
  recorder.flowStarted(kind);
  let outcome: FlowOutcome;
  let reason: string | undefined;
  try {
    const result = await FLOWS[kind](ctx);
    outcome = result.outcome;
    if (result.outcome === 'skipped') reason = result.reason;
  } catch (err) {
    if (err instanceof FlowStopped || err instanceof CallAbortedError) outcome = 'interrupted';
    // The failed call is in the errors table already (measured); anything else is a bug in busywork: let it out.
    else if (err instanceof MallApiError) outcome = 'failed';
    else throw err;
  }
  recorder.flowEnded(kind, outcome, reason);
  return outcome;
}

function jitter(rng: Rng, maxMs: number): number {
  return maxMs > 0 ? rng.int(maxMs) : 0;
}
