// Checkout and the checks on a new order: the order's status as ordering reports it, what it holds, and the ways
// to prepare an order in a given state for the other features.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { approvedOrder, checkout, completedOrder, type Line, orderIn, placeOrder, readOrder, readyOrder, rejectedOrder } from '../support/journeys.ts';
import { cents, decimal, type MallWorld } from '../support/world.ts';

const linesOf = (table: DataTable): Line[] => table.hashes().map((r) => ({ product: r.product!, quantity: Number(r.quantity) }));

When('{word} checks out', async function (this: MallWorld, customer: string) {
  const card = this.cards.get(customer);
  assert.ok(card, `${customer}'s card was not pre-authorised`);
  await checkout(this, customer, card);
});

When('{word} tries to check out', async function (this: MallWorld, customer: string) {
  const card = this.cards.get(customer);
  assert.ok(card, `${customer}'s card was not pre-authorised`);
  this.attempt = await this.api.checkout(this.basketOf(customer), card);
});

When("{word} checks out with {word}'s card", async function (this: MallWorld, customer: string, cardHolder: string) {
  const card = this.cards.get(cardHolder);
  assert.ok(card, `${cardHolder}'s card was not pre-authorised`);
  await checkout(this, customer, card);
});

When('{word} checks out with a card payment that was never pre-authorised', async function (this: MallWorld, customer: string) {
  await checkout(this, customer, randomUUID());
});

When('{word} places an order for {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  await placeOrder(this, customer, [{ product, quantity }]);
});

Given('{word} has placed an order for {int} {string}', async function (this: MallWorld, customer: string, quantity: number, product: string) {
  await placeOrder(this, customer, [{ product, quantity }]);
});

// An order in a given state, optionally labelled ("A1") so that a scenario can tell a customer's orders apart.
const prepare = { 'has been approved': approvedOrder, 'has been rejected': rejectedOrder, 'is ready for pickup': readyOrder, 'has been completed': completedOrder };
for (const [state, journey] of Object.entries(prepare)) {
  Given(`{word}'s order for {int} {string} ${state}`, async function (this: MallWorld, customer: string, quantity: number, product: string) {
    await journey(this, customer, [{ product, quantity }]);
  });
  Given(`{word}'s order {string} for {int} {string} ${state}`, async function (this: MallWorld, customer: string, label: string, quantity: number, product: string) {
    await journey(this, customer, [{ product, quantity }], label);
  });
  Given(`{word}'s order ${state} for:`, async function (this: MallWorld, customer: string, table: DataTable) {
    await journey(this, customer, linesOf(table));
  });
  Given(`{word}'s order {string} ${state} for:`, async function (this: MallWorld, customer: string, label: string, table: DataTable) {
    await journey(this, customer, linesOf(table), label);
  });
}

/** The order reaches this status (the checks, the depot and payments move it asynchronously). */
Then("{word}'s order is {orderStatus}", async function (this: MallWorld, customer: string, status: string) {
  await orderIn(this, this.order(customer), status);
});

/** The order is in this status now, after something that must not have changed it. */
Then("{word}'s order is still {orderStatus}", async function (this: MallWorld, customer: string, status: string) {
  assert.equal((await readOrder(this, this.order(customer).id)).status, status);
});

Then("{word}'s order holds:", async function (this: MallWorld, customer: string, table: DataTable) {
  const order = await readOrder(this, this.order(customer).id);
  assert.equal(order.customerId, this.customer(customer).id);
  const actual = order.items.map((i) => ({ product: i.productName, store: i.storeName, price: decimal(cents(i.price)), quantity: String(i.quantity) }));
  const expected = table.hashes().map((r) => ({ product: this.product(r.product!).name, store: this.store(r.store!).name, price: decimal(cents(Number(r.price))), quantity: r.quantity }));
  assert.deepEqual(actual, expected);
});
