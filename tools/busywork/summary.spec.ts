import { FakeMall } from './fake-mall.ts';
import { measured, Recorder } from './recorder.ts';
import { formatSummary, summaryJson, type BusyworkReport } from './summary.ts';

/** A run's figures set by hand: 4 kiosk calls + 2 polls on 3 routes, two kinds of error, flows and orders. */
function sampleReport(): BusyworkReport {
  const r = new Recorder();
  r.answered('getStores', 4);
  r.answered('getStores', 6);
  r.failed('checkoutBasket', 500, 'the saga is on fire', 250, 'busywork-abc-7');
  r.failed('addItem', 'network', 'fetch failed: ECONNRESET', undefined, 'busywork-abc-9');
  r.answered('getOrder', 2);
  r.answered('getOrder', 3);
  r.abortedCall();
  r.conflictRetried('rebrandStore');
  r.conflictRetried('rebrandStore');
  r.flowStarted('buyingItems');
  r.flowEnded('buyingItems', 'failed');
  r.flowStarted('justBrowsing');
  r.flowEnded('justBrowsing', 'skipped', 'the mall has no stores');
  r.flowStarted('registerCustomer');
  r.flowEnded('registerCustomer', 'done');
  r.flowStarted('registerCustomer');
  r.flowEnded('registerCustomer', 'interrupted');
  r.checkedOut = 3;
  r.orderFinal('approved', 400);
  r.orderFinal('approved', 800);
  return {
    target: 'http://127.0.0.1:8080',
    clients: 5,
    stress: false,
    seed: 42,
    plannedMs: 120_000,
    elapsedMs: 2_000,
    drainMs: 1_500,
    endedBy: 'interrupted',
    recorder: r,
    pendingOrders: { pending: 1 },
  };
}

describe('the summary', () => {
  it('reads as a report: run, flows, latency per route template, errors with an example, orders', () => {
    expect(formatSummary(sampleReport())).toBe(
      [
        'MallBots busywork summary',
        '  target    http://127.0.0.1:8080',
        '  mode      kiosk think time (8–11 s between units of work per client, 0.5–2 s before each step)',
        '  clients   5',
        '  seed      42 (--seed 42 repeats this choice of flows)',
        '  duration  2s (planned 2m00s, interrupted); order drain 1.5s',
        '  requests  4 (2.0/s), errors 2, 1 aborted at the stop; order status polls 2',
        '',
        'Flows',
        '  flow              runs  done  skipped  failed  interrupted',
        '  justBrowsing         1     0        1       0            0',
        '  buyingItems          1     0        0       1            0',
        '  registerCustomer     2     1        0       0            1',
        '  setupAStore          0     0        0       0            0',
        '  addNewInventory      0     0        0       0            0',
        '  rebrandStore         0     0        0       0            0',
        '  rebrandProduct       0     0        0       0            0',
        '  total                4     1        1       1            1',
        '  skipped ×1: the mall has no stores',
        '',
        'Latency by route (ms)',
        '  route                           count   p50   p90   p99   max',
        '  GET /api/ordering/{id}              2  2.01  3.00  3.00  3.00', // p50 from the histogram: its bucket's edge, within 1 %
        '  GET /api/stores                     2  4.03  6.00  6.00  6.00',
        '  PUT /api/baskets/{id}/checkout      1   250   250   250   250',
        '',
        'Errors by route and status',
        '  PUT /api/baskets/{id}/checkout  500  ×1  e.g. "the saga is on fire" (X-Request-Id busywork-abc-7)',
        '  PUT /api/baskets/{id}/addItem  network  ×1  e.g. "fetch failed: ECONNRESET" (X-Request-Id busywork-abc-9)',
        '  409 conflicts retried (two kiosks changed the same thing at once; not errors unless listed above): PUT /api/stores/{id}/rebrand ×2',
        '',
        'Orders (a checked-out basket becomes the order with its id)',
        '  checked out 3: approved 2, rejected 0, cancelled 0, completed 0; still pending at the end 1 (pending 1)',
        '  checkout → final status, ms (to the poll that saw it): p50 400, p90 800, p99 800, max 800',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing went wrong or nothing was answered', () => {
    const report: BusyworkReport = { ...sampleReport(), recorder: new Recorder(), pendingOrders: {}, stress: true, endedBy: 'duration' };
    const text = formatSummary(report);
    expect(text).toContain('  mode      stress (no think time)');
    expect(text).toContain('(planned 2m00s, ran to the end)');
    expect(text).toContain('Latency by route (ms)\n  no answers\n');
    expect(text).toContain('Errors by route and status\n  none\n\nOrders');
    expect(text).toContain('  checked out 0: approved 0, rejected 0, cancelled 0, completed 0; still pending at the end 0\n');
    expect(text).not.toContain('checkout → final status');
  });

  it('gives the same figures as JSON', () => {
    expect(summaryJson(sampleReport())).toEqual({
      target: 'http://127.0.0.1:8080',
      mode: 'think-time',
      clients: 5,
      seed: 42,
      plannedMs: 120_000,
      elapsedMs: 2_000,
      drainMs: 1_500,
      endedBy: 'interrupted',
      requests: 4,
      requestsPerSecond: 2,
      orderPolls: 2,
      abortedAtStop: 1,
      errorCount: 2,
      flows: {
        justBrowsing: { started: 1, done: 0, skipped: 1, failed: 0, interrupted: 0 },
        buyingItems: { started: 1, done: 0, skipped: 0, failed: 1, interrupted: 0 },
        registerCustomer: { started: 2, done: 1, skipped: 0, failed: 0, interrupted: 1 },
        setupAStore: { started: 0, done: 0, skipped: 0, failed: 0, interrupted: 0 },
        addNewInventory: { started: 0, done: 0, skipped: 0, failed: 0, interrupted: 0 },
        rebrandStore: { started: 0, done: 0, skipped: 0, failed: 0, interrupted: 0 },
        rebrandProduct: { started: 0, done: 0, skipped: 0, failed: 0, interrupted: 0 },
      },
      skipReasons: { 'the mall has no stores': 1 },
      latencyMs: {
        'GET /api/stores': { count: 2, p50: 4.03, p90: 6, p99: 6, max: 6 },
        'PUT /api/baskets/{id}/checkout': { count: 1, p50: 250, p90: 250, p99: 250, max: 250 },
        'GET /api/ordering/{id}': { count: 2, p50: 2.01, p90: 3, p99: 3, max: 3 },
      },
      errors: [
        { route: 'PUT /api/baskets/{id}/checkout', status: 500, count: 1, example: 'the saga is on fire', requestId: 'busywork-abc-7' },
        { route: 'PUT /api/baskets/{id}/addItem', status: 'network', count: 1, example: 'fetch failed: ECONNRESET', requestId: 'busywork-abc-9' },
      ],
      conflictsRetried: { 'PUT /api/stores/{id}/rebrand': 2 },
      orders: { checkedOut: 3, final: { approved: 2, rejected: 0, cancelled: 0, completed: 0 }, pending: { pending: 1 }, untracked: 0, checkoutToFinalMs: { count: 2, p50: 400.19, p90: 800, p99: 800, max: 800 } },
    });
  });
});

describe('measuring a MallApi', () => {
  it('times every call under its route template, counts errors once per route and status, and rethrows them', async () => {
    const mall = new FakeMall();
    const store = mall.seedStore('A', [100]);
    const recorder = new Recorder();
    let now = 0;
    const api = measured(mall, recorder, () => (now += 5)); // each call appears to take 5 ms
    await api.getStore(store.id);
    await api.getStore(store.id);
    await expect(api.getStore('nope')).rejects.toMatchObject({ status: 404 });
    await expect(api.getStore('nope either')).rejects.toMatchObject({ status: 404 });
    expect(await api.getOrder('unknown')).toBeUndefined(); // not yet known: an answer, not an error

    const stats = recorder.routes.get('GET /api/stores/{id}')!;
    expect([stats.calls, stats.answered, stats.failed, stats.latency.count, stats.latency.max]).toEqual([4, 4, 2, 4, 5]);
    expect([...recorder.errors.values()]).toEqual([{ route: 'GET /api/stores/{id}', status: 404, count: 2, example: 'store not found', requestId: undefined }]);
    expect([recorder.requests, recorder.errorCount]).toEqual([5, 2]);
  });
});
