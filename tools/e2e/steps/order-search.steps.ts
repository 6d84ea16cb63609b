// Order search: staff's queries by customer, store, product, total and status. The search is built from events and
// follows the orders a moment later, so "they find" waits until the answer is the expected one.
import assert from 'node:assert/strict';
import { type DataTable, Then, When } from '@cucumber/cucumber';
import { accepted, type FoundOrder, type SearchFilters } from '../support/mall-api.ts';
import { cents, decimal, type MallWorld } from '../support/world.ts';

interface Row {
  order: string;
  customer: string;
  items: string;
  total: string;
  status: string;
}

/** A found order in the feature's words: labels and names as the scenario gave them. */
function rowOf(world: MallWorld, found: FoundOrder): Row {
  const label = [...world.orders.values()].find((o) => o.id === found.orderId)?.label ?? found.orderId;
  const customer = [...world.customers.entries()].find(([, c]) => c.id === found.customerId);
  const productName = (name: string) => [...world.products.entries()].find(([, p]) => p.name === name)?.[0] ?? name;
  const storeName = (name: string) => [...world.stores.entries()].find(([, s]) => s.name === name)?.[0] ?? name;
  return {
    order: label,
    // The customer's name as search shows it, which must be the registered one.
    customer: customer && customer[1].name === found.customerName ? customer[0] : `${found.customerName} (${found.customerId})`,
    items: found.items.map((i) => `${i.quantity} ${productName(i.productName)} (${storeName(i.storeName)})`).join(', '),
    total: decimal(cents(found.total)),
    status: found.status,
  };
}

function searchFor(world: MallWorld, filters: SearchFilters): void {
  world.search = filters;
}

When("staff search for {word}'s orders", function (this: MallWorld, customer: string) {
  searchFor(this, { customerId: this.customer(customer).id });
});

When("staff search for {word}'s orders that are {orderStatus}", function (this: MallWorld, customer: string, status: string) {
  searchFor(this, { customerId: this.customer(customer).id, status });
});

When('staff search for orders from {string}', function (this: MallWorld, store: string) {
  searchFor(this, { storeIds: [this.store(store).id] });
});

When('staff search for orders of {string}', function (this: MallWorld, product: string) {
  searchFor(this, { productIds: [this.product(product).id] });
});

When("staff search for {word}'s orders totalling from {money} to {money}", function (this: MallWorld, customer: string, min: number, max: number) {
  searchFor(this, { customerId: this.customer(customer).id, minTotal: min, maxTotal: max });
});

When('staff try to search for orders that are {string}', async function (this: MallWorld, status: string) {
  this.attempt = await this.api.searchOrders({ status });
});

When('staff try to search for orders totalling from {money} to {money}', async function (this: MallWorld, min: number, max: number) {
  this.attempt = await this.api.searchOrders({ minTotal: min, maxTotal: max });
});

Then('they find, newest first:', async function (this: MallWorld, table: DataTable) {
  const filters = this.search;
  assert.ok(filters, 'staff have not searched yet');
  const expected = table.hashes() as unknown as Row[];
  const rows = await this.waitFor(
    `the search ${JSON.stringify(filters)} to find ${expected.map((r) => r.order).join(', ')}`,
    async () => accepted<{ orders: FoundOrder[] }>(await this.api.searchOrders(filters), 'searching orders').orders.map((o) => rowOf(this, o)),
    (found) => JSON.stringify(found) === JSON.stringify(expected),
  ).catch(() => undefined);
  if (rows) return;
  // Not within the time: show the difference.
  const last = accepted<{ orders: FoundOrder[] }>(await this.api.searchOrders(filters), 'searching orders').orders.map((o) => rowOf(this, o));
  assert.deepEqual(last, expected, `the search ${JSON.stringify(filters)} did not find what was expected within ${this.waitMs} ms`);
});

Then("staff searching for {word}'s orders find it {orderStatus}", async function (this: MallWorld, customer: string, status: string) {
  const order = this.order(customer);
  await this.waitFor(
    `the search to show ${customer}'s order as ${status}`,
    async () => accepted<{ orders: FoundOrder[] }>(await this.api.searchOrders({ customerId: this.customer(customer).id }), 'searching orders').orders,
    (found) => found.some((o) => o.orderId === order.id && o.status === status),
  );
});
