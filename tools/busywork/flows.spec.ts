import { DEMO_PREFIX } from '../demo/demo-data.ts';
import { FakeMall } from './fake-mall.ts';
import { FLOWS, SKIP, type FlowContext } from './flows.ts';
import { MallApiError } from './mall-api.ts';
import { createRng } from './rng.ts';

/** A flow context on `mall` whose pauses are logged among the calls, so their places can be checked. */
function contextFor(mall: FakeMall, seed = 1) {
  const checkedOut: string[] = [];
  const ctx: FlowContext = {
    api: mall,
    rng: createRng(seed),
    pause: async () => {
      mall.calls.push({ operation: 'pause' as never, args: [] });
    },
    checkedOut: (id) => checkedOut.push(id),
  };
  return { ctx, checkedOut, trace: () => mall.calls.map((c) => c.operation as string) };
}

/** The trace of steps 1–5 with `stores` store visits, each adding an item. */
function shoppingTrace(stores: number): string[] {
  const visit = ['getStore', 'pause', 'getStoreProducts', 'getProduct', 'pause', 'addItem'];
  return ['pause', 'registerCustomer', 'pause', 'startBasket', 'getStores', ...Array.from({ length: stores }, () => visit).flat()];
}

function mallWithStores(): FakeMall {
  const mall = new FakeMall();
  mall.seedStore('North', [500, 1199]);
  mall.seedStore('South', [115, 333, 999]);
  mall.seedStore('East', [710]);
  return mall;
}

describe('justBrowsing', () => {
  it.each([1, 2, 3, 4, 5, 6])('visits 1–3 stores, adds 1–4 of one product each, and ends by cancelling the basket (seed %d)', async (seed) => {
    const mall = mallWithStores();
    const { ctx, trace } = contextFor(mall, seed);
    expect(await FLOWS.justBrowsing(ctx)).toEqual({ outcome: 'done' });

    const visits = mall.callsOf('addItem').length;
    expect(visits).toBeGreaterThanOrEqual(1);
    expect(visits).toBeLessThanOrEqual(3);
    expect(trace()).toEqual([...shoppingTrace(visits), 'cancelBasket']);
    const [basketId] = [...mall.baskets.keys()];
    expect(mall.baskets.get(basketId!)!.status).toBe('canceled');
    for (const call of mall.callsOf('addItem')) expect(call.args[2]).toEqual(expect.any(Number));
    expect(mall.callsOf('addItem').every((c) => (c.args[2] as number) >= 1 && (c.args[2] as number) <= 4)).toBe(true);
    expect(mall.callsOf('authorizePayment')).toHaveLength(0);
  });
});

describe('buyingItems', () => {
  it.each([1, 2, 3, 4, 5, 6])('authorizes exactly the summed price × quantity and checks the basket out (seed %d)', async (seed) => {
    const mall = mallWithStores();
    const { ctx, checkedOut, trace } = contextFor(mall, seed);
    expect(await FLOWS.buyingItems(ctx)).toEqual({ outcome: 'done' });

    const lines = mall.callsOf('addItem');
    expect(trace()).toEqual([...shoppingTrace(lines.length), 'pause', 'authorizePayment', 'checkoutBasket']);
    const expectedCents = lines.reduce((sum, c) => sum + Math.round(mall.products.get(c.args[1] as string)!.price * 100) * (c.args[2] as number), 0);
    const [payment] = mall.callsOf('authorizePayment');
    const [basketId] = [...mall.baskets.keys()];
    expect(payment!.args).toEqual([mall.baskets.get(basketId!)!.customerId, expectedCents / 100]);
    expect(mall.baskets.get(basketId!)!.status).toBe('checked_out');
    expect(checkedOut).toEqual([basketId]); // the order's id is the basket's
  });

  it('skips a store without products, without an error, and buys from the others', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const mall = new FakeMall();
      const empty = mall.seedStore('Empty');
      mall.seedStore('Full', [250, 999]);
      mall.seedStore('Full too', [125]);
      const { ctx } = contextFor(mall, seed);
      const result = await FLOWS.buyingItems(ctx);
      const visitedFull = mall.callsOf('getStore').some((c) => c.args[0] !== empty.id);
      expect([seed, result]).toEqual([seed, visitedFull ? { outcome: 'done' } : { outcome: 'skipped', reason: SKIP.nothingInBasket }]);
      expect(mall.callsOf('addItem').every((c) => mall.products.get(c.args[1] as string)!.storeId !== empty.id)).toBe(true);
    }
  });

  it('cancels the basket instead of checking out an empty one when no visited store has products', async () => {
    const mall = new FakeMall();
    mall.seedStore('Empty 1');
    mall.seedStore('Empty 2');
    mall.seedStore('Empty 3');
    const { ctx, checkedOut } = contextFor(mall);
    expect(await FLOWS.buyingItems(ctx)).toEqual({ outcome: 'skipped', reason: SKIP.nothingInBasket });
    expect(mall.callsOf('addItem')).toHaveLength(0);
    expect(mall.callsOf('authorizePayment')).toHaveLength(0);
    expect([...mall.baskets.values()].map((b) => b.status)).toEqual(['canceled']);
    expect(checkedOut).toEqual([]);
  });
});

describe('shopping in a mall with too few stores', () => {
  it.each(['justBrowsing', 'buyingItems'] as const)('%s puts the basket back when there are no stores', async (kind) => {
    const mall = new FakeMall();
    const { ctx, trace } = contextFor(mall);
    expect(await FLOWS[kind](ctx)).toEqual({ outcome: 'skipped', reason: SKIP.noStores });
    expect(trace()).toEqual(['pause', 'registerCustomer', 'pause', 'startBasket', 'getStores', 'cancelBasket']);
  });

  it('skips when the shopper wants to visit more stores than there are (as the reference), basket cancelled', async () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const mall = new FakeMall();
      mall.seedStore('Only', [100]);
      const { ctx } = contextFor(mall, seed);
      const result = await FLOWS.justBrowsing(ctx);
      outcomes.add(result.outcome === 'skipped' ? result.reason : result.outcome);
      expect([...mall.baskets.values()].map((b) => b.status)).toEqual(['canceled']);
    }
    expect([...outcomes].sort()).toEqual(['done', SKIP.tooFewStores].sort());
  });
});

describe('the store owners’ flows', () => {
  it('registerCustomer registers one customer after a pause', async () => {
    const mall = new FakeMall();
    const { ctx, trace } = contextFor(mall);
    expect(await FLOWS.registerCustomer(ctx)).toEqual({ outcome: 'done' });
    expect(trace()).toEqual(['pause', 'registerCustomer']);
    const [customer] = mall.customers.values();
    expect(customer!.name).toMatch(/^\S+ \S+$/);
    expect(customer!.smsNumber).toMatch(/^555-\d{3}-\d{4}$/);
  });

  it.each([1, 2, 3, 4, 5])('setupAStore opens a store with 2–5 products priced 5.00–11.99, then reads it (seed %d)', async (seed) => {
    const mall = new FakeMall();
    const { ctx, trace } = contextFor(mall, seed);
    expect(await FLOWS.setupAStore(ctx)).toEqual({ outcome: 'done' });
    const products = mall.callsOf('addProduct');
    expect(products.length).toBeGreaterThanOrEqual(2);
    expect(products.length).toBeLessThanOrEqual(5);
    expect(trace()).toEqual(['pause', 'createStore', ...products.flatMap(() => ['pause', 'addProduct']), 'getStore']);
    const [store] = mall.stores.values();
    expect(mall.callsOf('getStore')[0]!.args).toEqual([store!.id]);
    for (const { args } of products) {
      const { price, name, description, sku } = args[1] as { price: number; name: string; description: string; sku: string };
      expect(args[0]).toBe(store!.id);
      expect([price, price >= 5 && price <= 11.99 && price === Math.round(price * 100) / 100]).toEqual([price, true]); // whole cents
      expect([name, description, sku].every((s) => s.trim().length > 0)).toBe(true);
    }
  });

  it('addNewInventory adds 1–3 products to one existing store, and skips an empty mall', async () => {
    const mall = mallWithStores();
    const { ctx } = contextFor(mall, 3);
    expect(await FLOWS.addNewInventory(ctx)).toEqual({ outcome: 'done' });
    const added = mall.callsOf('addProduct');
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(added.length).toBeLessThanOrEqual(3);
    expect(new Set(added.map((c) => c.args[0])).size).toBe(1);
    expect(mall.stores.has(added[0]!.args[0] as string)).toBe(true);

    expect(await FLOWS.addNewInventory(contextFor(new FakeMall()).ctx)).toEqual({ outcome: 'skipped', reason: SKIP.noStores });
  });

  it('rebrandStore and rebrandProduct rename one of the stores and products, never the demo data', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const mall = new FakeMall();
      const demo = mall.seedStore(`${DEMO_PREFIX}Corner Books`, [3999]);
      const other = mall.seedStore('Plain Store', [500]);
      const { ctx } = contextFor(mall, seed);
      expect(await FLOWS.rebrandStore(ctx)).toEqual({ outcome: 'done' });
      expect(await FLOWS.rebrandProduct(ctx)).toEqual({ outcome: 'done' });
      expect(mall.callsOf('rebrandStore').map((c) => c.args[0])).toEqual([other.id]);
      const [rebranded] = mall.callsOf('rebrandProduct');
      expect(mall.products.get(rebranded!.args[0] as string)!.storeId).toBe(other.id);
      expect(mall.stores.get(demo.id)!.name).toBe(`${DEMO_PREFIX}Corner Books`);
    }
  });

  it('the rebrands skip a mall of demo stores only, and a store without products', async () => {
    const demoOnly = new FakeMall();
    demoOnly.seedStore(`${DEMO_PREFIX}Tech Hub`, [999]);
    expect(await FLOWS.rebrandStore(contextFor(demoOnly).ctx)).toEqual({ outcome: 'skipped', reason: SKIP.onlyDemoStores });
    expect(await FLOWS.rebrandProduct(contextFor(demoOnly).ctx)).toEqual({ outcome: 'skipped', reason: SKIP.onlyDemoStores });
    const bare = new FakeMall();
    bare.seedStore('Bare');
    expect(await FLOWS.rebrandProduct(contextFor(bare).ctx)).toEqual({ outcome: 'skipped', reason: SKIP.noProducts });
    expect(await FLOWS.rebrandStore(contextFor(new FakeMall()).ctx)).toEqual({ outcome: 'skipped', reason: SKIP.noStores });
  });
});

describe('a call that fails', () => {
  it('ends the flow with the MallApiError (the run counts it), leaving what was done so far', async () => {
    const mall = mallWithStores();
    mall.failing = { addItem: 503 };
    const { ctx } = contextFor(mall);
    await expect(FLOWS.buyingItems(ctx)).rejects.toMatchObject({ name: 'MallApiError', operation: 'addItem', status: 503 });
    await expect(FLOWS.buyingItems(contextFor(mall).ctx)).rejects.toBeInstanceOf(MallApiError);
    expect(mall.callsOf('authorizePayment')).toHaveLength(0);
  });
});
