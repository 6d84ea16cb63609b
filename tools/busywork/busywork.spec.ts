// Whole runs in-process against the in-memory fake mall (no sockets): the clients, the stop at the duration, the
// order drain, Ctrl-C, and what the report says.
import type { BusyworkOptions } from './busywork-options.ts';
import { runBusywork, TargetUnreachableError, type RunHooks } from './busywork.ts';
import { FakeMall, serveFakeMall } from './fake-mall.ts';
import type { FlowKind } from './flow-choice.ts';
import type { ProgressSnapshot } from './progress.ts';
import { FLOW_OUTCOMES } from './recorder.ts';

const base: BusyworkOptions = { clients: 3, durationMs: 1_000, target: 'http://127.0.0.1:1', allowRemote: false, seed: 5, json: undefined, stress: true, drainMs: 5_000 };

function stockedMall(): FakeMall {
  const mall = new FakeMall();
  mall.seedStore('North', [500, 1199, 725]);
  mall.seedStore('South', [115, 333]);
  mall.seedStore('East', [710]);
  return mall;
}

function run(options: Partial<BusyworkOptions>, hooks: RunHooks & { mall?: FakeMall } = {}) {
  const mall = hooks.mall ?? stockedMall();
  return { mall, report: runBusywork({ ...base, ...options }, { api: mall, ...hooks }) };
}

describe('a busywork run', () => {
  it('keeps every client busy until the duration is up, and follows every checkout to approved', async () => {
    const snapshots: ProgressSnapshot[] = [];
    const started = performance.now();
    const { mall, report } = run({}, { onProgress: (s) => snapshots.push(s), progressEveryMs: 100 });
    const r = await report;
    const took = performance.now() - started;

    expect(r.endedBy).toBe('duration');
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(took).toBeLessThan(4_000);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(990);
    const rec = r.recorder;
    expect(rec.errors.size).toBe(0);
    expect(rec.requests).toBeGreaterThan(100);
    // Every flow started ended one way or another; all seven kinds ran.
    for (const [kind, counts] of Object.entries(rec.flows)) {
      expect([kind, counts.started, counts.started > 0]).toEqual([kind, FLOW_OUTCOMES.reduce((n, o) => n + counts[o], 0), true]);
    }
    expect(rec.checkedOut).toBeGreaterThan(0);
    expect(rec.checkedOut).toBe(mall.callsOf('checkoutBasket').length);
    expect(rec.ordersFinal.approved).toBe(rec.checkedOut);
    expect(r.pendingOrders).toEqual({});
    // The mix is the reference's: the draw is the same as flow-choice.spec's, so only a rough check here.
    const started_ = (k: FlowKind) => rec.flows[k].started;
    expect(started_('justBrowsing')).toBeGreaterThan(started_('buyingItems'));
    expect(started_('registerCustomer')).toBeGreaterThan(started_('setupAStore'));
    expect(snapshots.length).toBeGreaterThan(3);
    expect(snapshots.at(0)!.phase).toBe('running');
    expect(snapshots.at(-2)!.requests).toBeGreaterThan(0);
  });

  it('repeats the same sequence of flows per client for the same seed', async () => {
    const sequences = async (seed: number) => {
      const seen: Record<number, FlowKind[]> = {};
      await run({ seed, durationMs: 1_000, drainMs: 0 }, { onFlowStart: (client, kind) => (seen[client] ??= []).push(kind) }).report;
      return [0, 1, 2].map((c) => seen[c]!.slice(0, 30));
    };
    const first = await sequences(77);
    expect(first.every((s) => s.length === 30)).toBe(true);
    expect(await sequences(77)).toEqual(first);
    expect(await sequences(78)).not.toEqual(first);
    expect(first[0]).not.toEqual(first[1]); // each client has its own stream
  });

  it('waits the client’s interval between units of work (think time), not back to back', async () => {
    const { report } = run({ stress: false, clients: 1, durationMs: 1_000, drainMs: 0 }, { thinkTime: { intervalMs: 200, intervalJitterMs: 0, pauseMs: 0, pauseJitterMs: 0 } });
    const flows = Object.values((await report).recorder.flows).reduce((n, f) => n + f.started, 0);
    // At 0, 200, 400, 600 and 800 ms (the work itself takes next to no time against the fake).
    expect(flows).toBeGreaterThanOrEqual(4);
    expect(flows).toBeLessThanOrEqual(6);
  });

  it('at the end of the duration lets the current unit of work finish without its pauses', async () => {
    const started = performance.now();
    const { report } = run({ stress: false, clients: 2, durationMs: 1_000, drainMs: 0 }, { thinkTime: { intervalMs: 60_000, intervalJitterMs: 0, pauseMs: 30_000, pauseJitterMs: 0 } });
    const r = await report;
    expect(performance.now() - started).toBeLessThan(3_000); // not the 30 s pause
    const flows = Object.values(r.recorder.flows);
    expect(flows.reduce((n, f) => n + f.started, 0)).toBe(2); // one unit each, begun at once
    expect(flows.reduce((n, f) => n + f.done + f.skipped, 0)).toBe(2); // finished, not interrupted
  });

  it('counts failing calls as errors by route and status, and the flows they ended as failed', async () => {
    const mall = stockedMall();
    mall.failing = { checkoutBasket: 500 };
    const r = await run({ drainMs: 0 }, { mall }).report;
    const group = r.recorder.errors.get('PUT /api/baskets/{id}/checkout 500');
    expect(group).toMatchObject({ route: 'PUT /api/baskets/{id}/checkout', status: 500, example: 'checkoutBasket is made to fail' });
    expect([r.recorder.errors.size, group!.count]).toEqual([1, r.recorder.flows.buyingItems.failed]);
    expect(r.recorder.flows.buyingItems.failed).toBeGreaterThan(0);
    expect(r.recorder.checkedOut).toBe(0);
  });

  it('retries a command answered 409 (a lost concurrency race) and counts it an error only when the retries run out', async () => {
    const mall = stockedMall();
    mall.failing = { rebrandStore: 409 };
    const r = await run({ drainMs: 0 }, { mall }).report;
    const failed = r.recorder.flows.rebrandStore.failed;
    expect(failed).toBeGreaterThan(0);
    expect(r.recorder.errors.get('PUT /api/stores/{id}/rebrand 409')!.count).toBe(failed);
    expect(r.recorder.conflictsRetried.get('PUT /api/stores/{id}/rebrand')).toBe(2 * failed); // 3 attempts each
    expect(mall.callsOf('rebrandStore')).toHaveLength(3 * failed);
  });

  it('stops at once when interrupted, long before its duration, and skips the order drain', async () => {
    const interrupt = new AbortController();
    const mall = stockedMall();
    mall.approveAfterPolls = Infinity; // orders stay pending: a drain would take its full 5 s
    const started = performance.now();
    // Ctrl-C once orders are under way (pending ones, which a drain would wait for).
    const onProgress = (s: ProgressSnapshot) => {
      if (s.checkedOut > 0) interrupt.abort();
    };
    const r = await run({ durationMs: 3_600_000 }, { mall, interrupt: interrupt.signal, onProgress, progressEveryMs: 20 }).report;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.endedBy).toBe('interrupted');
    expect(r.recorder.checkedOut).toBeGreaterThan(0);
    expect(r.recorder.requests).toBeGreaterThan(0);
    expect(Object.values(r.pendingOrders).reduce((a, b) => a + b, 0)).toBe(r.recorder.checkedOut);
  });

  it('reports orders that are not final by the end of the drain as still pending', async () => {
    const mall = stockedMall();
    mall.approveAfterPolls = Infinity;
    const r = await run({ durationMs: 1_000, drainMs: 300 }, { mall }).report;
    expect(r.recorder.checkedOut).toBeGreaterThan(0);
    expect(r.pendingOrders).toEqual({ pending: r.recorder.checkedOut });
    expect(r.drainMs).toBeGreaterThanOrEqual(290);
  });

  it('says clearly when nothing answers at the target, before any load', async () => {
    const closed = await serveFakeMall(new FakeMall());
    await closed.close();
    await expect(runBusywork({ ...base, target: closed.url })).rejects.toThrow(TargetUnreachableError);
    await expect(runBusywork({ ...base, target: closed.url })).rejects.toThrow(/^no MallBots answers at http:\/\/127\.0\.0\.1:\d+ \(GET \/api\/stores: fetch failed: ECONNREFUSED\); is `npm start` running/);
  });
});
