// The journeys several features start from — a customer at the kiosk placing an order, the order approved, shopped,
// paid — made of the same gateway calls the scenarios spell out elsewhere, each asynchronous step awaited.
import { accepted, type BasketView, type InvoiceView, type OrderView, type ShoppingListView } from './mall-api.ts';
import { cents, type CustomerRef, type MallWorld, type OrderRef, type ProductRef, type StoreRef } from './world.ts';

/** Where a store is when the feature does not say. */
export const DEFAULT_LOCATION = 'Level 1';
/** A customer's SMS number when the feature does not say. */
export const DEFAULT_SMS_NUMBER = '555-0100';

/** A store owner opens a store (names made unique for the scenario); administrators may let it take part. */
export async function openStore(world: MallWorld, name: string, location: string, participating: boolean): Promise<StoreRef> {
  const store = { name: world.unique(name), location: world.unique(location) };
  const { id } = accepted<{ id: string }>(await world.api.createStore(store.name, store.location), `opening "${name}"`);
  const ref = { id, ...store };
  world.stores.set(name, ref);
  if (participating) accepted(await world.api.enableParticipation(id), `letting "${name}" take part`);
  return ref;
}

/** The store's owner adds a product to its catalog. */
export async function addProduct(world: MallWorld, store: string, name: string, price: number): Promise<ProductRef> {
  const product = { name: world.unique(name), description: `${name}, as sold by ${store}`, sku: `SKU-${world.products.size + 1}-${world.tag}`, price };
  const { id } = accepted<{ id: string }>(await world.api.addProduct(world.store(store).id, product), `adding "${name}" to "${store}"`);
  const ref = { id, store, name: product.name, priceCents: cents(price) };
  world.products.set(name, ref);
  return ref;
}

export async function registerCustomer(world: MallWorld, name: string, smsNumber: string): Promise<CustomerRef> {
  const { id } = accepted<{ id: string }>(await world.api.registerCustomer(name, smsNumber), `registering "${name}"`);
  const ref = { id, name, smsNumber };
  world.customers.set(name, ref);
  return ref;
}

export interface Line {
  readonly product: string;
  readonly quantity: number;
}

/** Σ price × quantity in cents, at the prices the products were added with. */
export function totalOf(world: MallWorld, lines: readonly Line[]): number {
  return lines.reduce((sum, l) => sum + world.product(l.product).priceCents * l.quantity, 0);
}

/** The customer's new basket, which becomes their current one. */
export async function startBasket(world: MallWorld, customer: string): Promise<string> {
  const { id } = accepted<{ id: string }>(await world.api.startBasket(world.customer(customer).id), `starting a basket for ${customer}`);
  world.baskets.set(customer, id);
  return id;
}

export async function addToBasket(world: MallWorld, customer: string, line: Line): Promise<void> {
  accepted(await world.api.addItem(world.basketOf(customer), world.product(line.product).id, line.quantity), `adding ${line.quantity} "${line.product}" to ${customer}'s basket`);
}

export async function basketOf(world: MallWorld, customer: string): Promise<BasketView> {
  return accepted<{ basket: BasketView }>(await world.api.basket(world.basketOf(customer)), `reading ${customer}'s basket`).basket;
}

/** Pre-authorises the customer's card; the payment becomes the one they check out with. */
export async function preAuthorise(world: MallWorld, customer: string, amount: number): Promise<string> {
  const { id } = accepted<{ id: string }>(await world.api.authorizePayment(world.customer(customer).id, amount), `pre-authorising ${amount} for ${customer}`);
  world.cards.set(customer, id);
  return id;
}

/** Checks the current basket out; the order has the basket's id. */
export async function checkout(world: MallWorld, customer: string, paymentId: string, label = customer): Promise<OrderRef> {
  const basketId = world.basketOf(customer);
  accepted(await world.api.checkout(basketId, paymentId), `${customer}'s checkout`);
  const order = { id: basketId, label, customer };
  world.rememberOrder(order);
  return order;
}

/** Basket, lines, a card pre-authorised for the total (or `authorise`), checkout. */
export async function placeOrder(world: MallWorld, customer: string, lines: readonly Line[], options: { label?: string; authorise?: number } = {}): Promise<OrderRef> {
  await startBasket(world, customer);
  for (const line of lines) await addToBasket(world, customer, line);
  const paymentId = await preAuthorise(world, customer, options.authorise ?? totalOf(world, lines) / 100);
  return checkout(world, customer, paymentId, options.label);
}

export async function readOrder(world: MallWorld, orderId: string): Promise<OrderView> {
  return accepted<{ order: OrderView }>(await world.api.order(orderId), `reading order ${orderId}`).order;
}

/**
 * The order's life (apps/ordering): pending → approved | rejected | cancelled; approved → ready → completed. The
 * statuses each one can still lead to, so a wait gives up as soon as the awaited status is out of reach.
 */
const LATER: Readonly<Record<string, readonly string[]>> = {
  pending: ['approved', 'rejected', 'cancelled', 'ready', 'completed'],
  approved: ['ready', 'completed'],
  ready: ['completed'],
  rejected: [],
  cancelled: [],
  completed: [],
};

/** "Alice's order", or "Alice's order A1" when the scenario labelled it. */
export const nameOf = (order: OrderRef): string => `${order.customer}'s order${order.label === order.customer ? '' : ` ${order.label}`}`;

/** Waits until ordering shows the order in `status` (the checks, the depot and payments move it asynchronously). */
export function orderIn(world: MallWorld, order: OrderRef, status: string): Promise<OrderView> {
  return world.waitFor(
    `${nameOf(order)} to be ${status}`,
    async () => (await world.api.order(order.id)).body.order as OrderView | undefined,
    (o) => o?.status === status,
    { hopeless: (o) => o !== undefined && !(LATER[o.status] ?? []).includes(status) },
  ) as Promise<OrderView>;
}

export async function approvedOrder(world: MallWorld, customer: string, lines: readonly Line[], label?: string): Promise<OrderRef> {
  const order = await placeOrder(world, customer, lines, { label });
  await orderIn(world, order, 'approved');
  return order;
}

/** The shopping list the depot made for an approved order. */
export async function shoppingListOf(world: MallWorld, order: OrderRef): Promise<ShoppingListView> {
  const { shoppingId } = await readOrder(world, order.id);
  if (!shoppingId) throw new Error(`${nameOf(order)} has no shopping list (is it approved?)`);
  return accepted<{ shoppingList: ShoppingListView }>(await world.api.shoppingList(shoppingId), `reading shopping list ${shoppingId}`).shoppingList;
}

/** The lists the depot has in `status` for an order, whether or not the order knows of them (a withdrawn list). */
export async function listsFor(world: MallWorld, order: OrderRef, status: string): Promise<ShoppingListView[]> {
  const { shoppingLists } = accepted<{ shoppingLists: ShoppingListView[] }>(await world.api.shoppingLists(status), `listing ${status} shopping lists`);
  return shoppingLists.filter((l) => l.orderId === order.id);
}

/** A bot takes the approved order's list and depot staff complete it; the order is then ready. */
export async function shopAndComplete(world: MallWorld, order: OrderRef, botId = 'bot-1'): Promise<void> {
  const list = await shoppingListOf(world, order);
  accepted(await world.api.assignShoppingList(list.id, botId), `assigning the shopping list to ${botId}`);
  accepted(await world.api.completeShoppingList(list.id), 'completing the shopping list');
  await orderIn(world, order, 'ready');
}

/** The invoice payments raises for a ready order (under the order's id), once it exists. */
export function invoiceOf(world: MallWorld, order: OrderRef, status = 'pending'): Promise<InvoiceView> {
  return world.waitFor(
    `the invoice of ${nameOf(order)} to be ${status}`,
    async () => (await world.api.invoice(order.id)).body.invoice as InvoiceView | undefined,
    (i) => i?.status === status,
  ) as Promise<InvoiceView>;
}

export async function readyOrder(world: MallWorld, customer: string, lines: readonly Line[], label?: string): Promise<OrderRef> {
  const order = await approvedOrder(world, customer, lines, label);
  await shopAndComplete(world, order);
  return order;
}

export async function completedOrder(world: MallWorld, customer: string, lines: readonly Line[], label?: string): Promise<OrderRef> {
  const order = await readyOrder(world, customer, lines, label);
  const invoice = await invoiceOf(world, order);
  accepted(await world.api.payInvoice(invoice.id), 'paying the invoice');
  await orderIn(world, order, 'completed');
  return order;
}

/** An order the saga rejects: the card is pre-authorised for a cent less than the total. */
export async function rejectedOrder(world: MallWorld, customer: string, lines: readonly Line[], label?: string): Promise<OrderRef> {
  const order = await placeOrder(world, customer, lines, { label, authorise: (totalOf(world, lines) - 1) / 100 });
  await orderIn(world, order, 'rejected');
  return order;
}

