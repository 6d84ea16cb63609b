// Shopping baskets at the kiosk: starting, adding and taking out items with the running total, cancelling, and the
// rules for baskets that were checked out or cancelled.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type DataTable, defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import { addToBasket, basketOf, startBasket } from '../support/journeys.ts';
import { accepted } from '../support/mall-api.ts';
import { cents, decimal, type MallWorld } from '../support/world.ts';

/** A basket's status as the kiosk says it. */
defineParameterType({
  name: 'basketStatus',
  regexp: /open|cancelled|checked out/,
  transformer: (s: string) => ({ open: 'open', cancelled: 'canceled', 'checked out': 'checked_out' })[s],
});

When('{word} starts a basket', async function (this: MallWorld, customer: string) {
  await startBasket(this, customer);
});

Given('{word} has started a basket', async function (this: MallWorld, customer: string) {
  await startBasket(this, customer);
});

Given('{word} has a basket with {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  await startBasket(this, customer);
  await addToBasket(this, customer, { product, quantity });
});

Given('{word} has added {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  await addToBasket(this, customer, { product, quantity });
});

When('{word} adds {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  await addToBasket(this, customer, { product, quantity });
});

When('{word} tries to add {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  this.attempt = await this.api.addItem(this.basketOf(customer), this.product(product).id, quantity);
});

When('{word} tries to add {int} of a product the mall does not sell', async function (this: MallWorld, customer: string, quantity: number) {
  this.attempt = await this.api.addItem(this.basketOf(customer), randomUUID(), quantity);
});

When('{word} removes {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  accepted(await this.api.removeItem(this.basketOf(customer), this.product(product).id, quantity), `removing ${quantity} "${product}"`);
});

When('{word} tries to remove {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  this.attempt = await this.api.removeItem(this.basketOf(customer), this.product(product).id, quantity);
});

When('{word} cancels her/his/their basket', async function (this: MallWorld, customer: string) {
  accepted(await this.api.cancelBasket(this.basketOf(customer)), `cancelling ${customer}'s basket`);
});

When('{word} tries to cancel her/his/their basket', async function (this: MallWorld, customer: string) {
  this.attempt = await this.api.cancelBasket(this.basketOf(customer));
});

Then("{word}'s basket is {basketStatus}", async function (this: MallWorld, customer: string, status: string) {
  assert.equal((await basketOf(this, customer)).status, status);
});

Then("{word}'s basket is empty, with a total of {money}", async function (this: MallWorld, customer: string, total: number) {
  const basket = await basketOf(this, customer);
  assert.deepEqual({ items: basket.items, total: decimal(cents(basket.total)) }, { items: [], total: decimal(cents(total)) });
});

Then("{word}'s basket total is {money}", async function (this: MallWorld, customer: string, total: number) {
  assert.equal(decimal(cents((await basketOf(this, customer)).total)), decimal(cents(total)));
});

Then("{word}'s basket holds:", async function (this: MallWorld, customer: string, table: DataTable) {
  const basket = await basketOf(this, customer);
  const actual = basket.items.map((i) => ({ product: i.productName, store: i.storeName, price: decimal(cents(i.productPrice)), quantity: String(i.quantity) }));
  // Lines keep the order in which their products were first added.
  const expected = table.hashes().map((r) => ({ product: this.product(r.product!).name, store: this.store(r.store!).name, price: decimal(cents(Number(r.price))), quantity: r.quantity }));
  assert.deepEqual(actual, expected);
});
