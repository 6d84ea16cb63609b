import { FakeMall } from './fake-mall.ts';
import { MallApiError, type MallApi, type Order } from './mall-api.ts';
import { NOT_FOUND_YET, OrderTracker } from './order-tracker.ts';
import { Recorder } from './recorder.ts';

/** A fake whose orders exist already (as if their baskets were checked out). */
function mallWithOrders(...ids: string[]): FakeMall {
  const mall = new FakeMall();
  for (const id of ids) mall.orders.set(id, { status: 'pending', polls: 0 });
  return mall;
}

function tracking(api: MallApi, options: { concurrency?: number; maxTracked?: number } = {}) {
  const recorder = new Recorder();
  const tracker = new OrderTracker({ api, recorder, firstDelayMs: 2, maxDelayMs: 10, ...options });
  const stop = new AbortController();
  const running = tracker.run(stop.signal);
  return {
    recorder,
    tracker,
    async stop() {
      stop.abort();
      await running;
    },
  };
}

describe('the order tracker', () => {
  it('follows each order until it is approved, then forgets it', async () => {
    const mall = mallWithOrders('o1', 'o2', 'o3');
    mall.approveAfterPolls = 2;
    const t = tracking(mall);
    for (const id of ['o1', 'o2', 'o3']) t.tracker.add(id);
    t.tracker.add('o1'); // twice is once
    await t.tracker.drain(5_000);
    await t.stop();
    expect([t.tracker.size, t.recorder.ordersFinal, t.recorder.timeToFinal.count]).toEqual([0, { approved: 3, rejected: 0, cancelled: 0, completed: 0 }, 3]);
    // Each order was asked until it answered approved: three polls each, no more.
    for (const id of ['o1', 'o2', 'o3']) expect([id, mall.callsOf('getOrder').filter((c) => c.args[0] === id).length]).toEqual([id, 3]);
  });

  it.each(['rejected', 'cancelled', 'completed'])('takes %s as final too', async (status) => {
    const api = { getOrder: async (id: string): Promise<Order> => ({ id, status }) } as MallApi;
    const t = tracking(api);
    t.tracker.add('x');
    await t.tracker.drain(5_000);
    await t.stop();
    expect(t.recorder.ordersFinal[status as 'rejected']).toBe(1);
  });

  it('never has more polls under way than its concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    const polls = new Map<string, number>();
    const api = {
      async getOrder(id: string): Promise<Order> {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 3));
        inFlight--;
        polls.set(id, (polls.get(id) ?? 0) + 1);
        return { id, status: polls.get(id)! >= 3 ? 'approved' : 'pending' };
      },
    } as MallApi;
    const t = tracking(api, { concurrency: 2 });
    for (let i = 0; i < 12; i++) t.tracker.add(`o${i}`);
    await t.tracker.drain(10_000);
    await t.stop();
    expect([t.recorder.ordersFinal.approved, most]).toEqual([12, 2]);
  });

  it('keeps asking after a failed poll (the error is the measured API’s to record)', async () => {
    let calls = 0;
    const api = {
      async getOrder(id: string): Promise<Order> {
        if (++calls === 1) throw new MallApiError('getOrder', 502, 'bad gateway');
        return { id, status: 'approved' };
      },
    } as MallApi;
    const t = tracking(api);
    t.tracker.add('o1');
    await t.tracker.drain(5_000);
    await t.stop();
    expect([calls, t.recorder.ordersFinal.approved]).toEqual([2, 1]);
  });

  it('gives up at the end of the drain and reports what is left by its last status', async () => {
    const mall = mallWithOrders('stuck');
    mall.approveAfterPolls = Infinity;
    const t = tracking(mall);
    t.tracker.add('stuck');
    t.tracker.add('never-created'); // ordering never heard of it: 404 each time
    const started = performance.now();
    await t.tracker.drain(150);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await t.stop();
    expect(t.tracker.pendingByStatus()).toEqual({ pending: 1, [NOT_FOUND_YET]: 1 });
    expect(t.recorder.ordersFinal.approved).toBe(0);
  });

  it('counts checkouts beyond its limit as untracked instead of growing', async () => {
    const t = tracking(mallWithOrders(), { maxTracked: 2 });
    for (const id of ['a', 'b', 'c', 'd']) t.tracker.add(id);
    expect([t.tracker.size, t.recorder.untracked]).toEqual([2, 2]);
    await t.stop();
  });

  it('ends its loop and its drain as soon as it is stopped', async () => {
    const mall = mallWithOrders('slow');
    mall.approveAfterPolls = Infinity;
    const t = tracking(mall);
    t.tracker.add('slow');
    const stop = new AbortController();
    const drained = t.tracker.drain(60_000, stop.signal);
    stop.abort();
    await drained; // would take a minute if the signal were ignored (Jest's timeout fails the test first)
    await t.stop();
    expect(t.tracker.size).toBe(1);
  });
});
