// The units of work a kiosk does: the reference's seven flows (reference-behaviour §10), the same calls in the same
// order with the same pauses, minus its defects: a store without products is skipped instead of crashing the
// client, a basket left without anything to do is cancelled rather than abandoned, and payments are summed in
// cents (the reference's float sum could authorize 0.01 less than the order's total).
import { DEMO_PREFIX } from '../demo/demo-data.ts';
import type { FlowKind } from './flow-choice.ts';
import type { MallApi, Store } from './mall-api.ts';
import type { Rng } from './rng.ts';
import { bs, companyName, customerName, department, priceCents, productAdjective, productName, smsNumber } from './words.ts';

export interface FlowContext {
  readonly api: MallApi;
  /** Names, picks and quantities (a stream of its own, see rng.ts). */
  readonly rng: Rng;
  /** The think pause before a step: none in stress mode or once the run is finishing; throws FlowStopped on abort. */
  pause(): Promise<void>;
  /** A basket was checked out; its id is the order's id (apps/ordering's BasketCheckedOut consumer). */
  checkedOut(orderId: string): void;
}

export type FlowResult = { readonly outcome: 'done' } | { readonly outcome: 'skipped'; readonly reason: string };

/** Thrown by `pause()` when the run is aborted: the flow ends as interrupted, not failed. */
export class FlowStopped extends Error {
  override name = 'FlowStopped';
}

const DONE: FlowResult = { outcome: 'done' };
const skipped = (reason: string): FlowResult => ({ outcome: 'skipped', reason });

export const SKIP = {
  noStores: 'the mall has no stores',
  tooFewStores: 'fewer stores than the shopper wanted to visit',
  nothingInBasket: 'the visited stores had no products (basket cancelled)',
  noProducts: 'the store has no products',
  onlyDemoStores: 'only demo stores, which are not rebranded',
} as const;

interface Shopping {
  readonly customerId: string;
  readonly basketId: string;
  readonly totalCents: number;
  readonly lines: number;
}

/**
 * Steps 1–5 shared by justBrowsing and buyingItems: register, start a basket, visit 1–3 random stores (repeats
 * allowed, as in the reference) and put 1–4 of a random product of each into the basket.
 */
async function shop(ctx: FlowContext): Promise<Shopping | FlowResult> {
  const { api, rng } = ctx;
  await ctx.pause();
  const { id: customerId } = await api.registerCustomer(customerName(rng), smsNumber(rng));
  await ctx.pause();
  const { id: basketId } = await api.startBasket(customerId);
  const stores = await api.getStores();
  const storeCount = 1 + rng.int(3);
  if (stores.length === 0 || stores.length < storeCount) {
    // The reference stopped here and left the basket open for ever; a kiosk puts it back.
    await api.cancelBasket(basketId);
    return skipped(stores.length === 0 ? SKIP.noStores : SKIP.tooFewStores);
  }
  let totalCents = 0;
  let lines = 0;
  for (let i = 0; i < storeCount; i++) {
    const store = rng.pick(stores);
    await api.getStore(store.id);
    await ctx.pause();
    const products = await api.getStoreProducts(store.id);
    if (products.length === 0) continue; // the reference panicked here (§14.7 #56)
    const chosen = rng.pick(products);
    const product = await api.getProduct(chosen.id);
    const quantity = 1 + rng.int(4);
    await ctx.pause();
    await api.addItem(basketId, product.id, quantity);
    totalCents += Math.round(product.price * 100) * quantity;
    lines++;
  }
  return { customerId, basketId, totalCents, lines };
}

const isShopping = (value: Shopping | FlowResult): value is Shopping => 'basketId' in value;

async function justBrowsing(ctx: FlowContext): Promise<FlowResult> {
  const visit = await shop(ctx);
  if (!isShopping(visit)) return visit;
  await ctx.api.cancelBasket(visit.basketId);
  return DONE;
}

async function buyingItems(ctx: FlowContext): Promise<FlowResult> {
  const visit = await shop(ctx);
  if (!isShopping(visit)) return visit;
  if (visit.lines === 0) {
    // Checkout refuses an empty basket ("the basket has no items"): that is the shopper's mistake, not load.
    await ctx.api.cancelBasket(visit.basketId);
    return skipped(SKIP.nothingInBasket);
  }
  await ctx.pause();
  const { id: paymentId } = await ctx.api.authorizePayment(visit.customerId, visit.totalCents / 100);
  await ctx.api.checkoutBasket(visit.basketId, paymentId);
  ctx.checkedOut(visit.basketId);
  return DONE;
}

async function registerCustomer(ctx: FlowContext): Promise<FlowResult> {
  await ctx.pause();
  await ctx.api.registerCustomer(customerName(ctx.rng), smsNumber(ctx.rng));
  return DONE;
}

async function addProducts(ctx: FlowContext, storeId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await ctx.pause();
    await ctx.api.addProduct(storeId, { name: productName(ctx.rng), description: bs(ctx.rng), sku: productAdjective(ctx.rng), price: priceCents(ctx.rng) / 100 });
  }
}

async function setupAStore(ctx: FlowContext): Promise<FlowResult> {
  await ctx.pause();
  // Baskets accept any store's products, participating or not (apps/baskets' AddItem checks none), so the new store
  // is left as the reference leaves it: not participating.
  const { id: storeId } = await ctx.api.createStore(companyName(ctx.rng), department(ctx.rng));
  await addProducts(ctx, storeId, 2 + ctx.rng.int(4));
  await ctx.api.getStore(storeId);
  return DONE;
}

async function addNewInventory(ctx: FlowContext): Promise<FlowResult> {
  const stores = await ctx.api.getStores();
  if (stores.length === 0) return skipped(SKIP.noStores);
  const store = ctx.rng.pick(stores);
  await addProducts(ctx, store.id, 1 + ctx.rng.int(3));
  return DONE;
}

/** Stores a rebrand may touch: not the demo data's, whose names `npm run demo` looks for to know it is loaded. */
function rebrandable(stores: readonly Store[]): Store[] {
  return stores.filter((s) => !s.name.startsWith(DEMO_PREFIX));
}

async function rebrandStore(ctx: FlowContext): Promise<FlowResult> {
  await ctx.pause();
  const stores = await ctx.api.getStores();
  if (stores.length === 0) return skipped(SKIP.noStores);
  const candidates = rebrandable(stores);
  if (candidates.length === 0) return skipped(SKIP.onlyDemoStores);
  const store = await ctx.api.getStore(ctx.rng.pick(candidates).id);
  await ctx.api.rebrandStore(store.id, companyName(ctx.rng));
  return DONE;
}

async function rebrandProduct(ctx: FlowContext): Promise<FlowResult> {
  await ctx.pause();
  const stores = await ctx.api.getStores();
  if (stores.length === 0) return skipped(SKIP.noStores);
  const candidates = rebrandable(stores);
  if (candidates.length === 0) return skipped(SKIP.onlyDemoStores);
  const store = ctx.rng.pick(candidates);
  await ctx.pause();
  const products = await ctx.api.getStoreProducts(store.id);
  if (products.length === 0) return skipped(SKIP.noProducts);
  const product = await ctx.api.getProduct(ctx.rng.pick(products).id);
  await ctx.api.rebrandProduct(product.id, productName(ctx.rng), bs(ctx.rng));
  return DONE;
}

export const FLOWS: Readonly<Record<FlowKind, (ctx: FlowContext) => Promise<FlowResult>>> = {
  justBrowsing,
  buyingItems,
  registerCustomer,
  setupAStore,
  addNewInventory,
  rebrandStore,
  rebrandProduct,
};
