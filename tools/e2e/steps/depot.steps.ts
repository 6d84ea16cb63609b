// Depot operations: the shopping list of an approved order, bots taking lists, staff completing them; lists the
// order checks withdraw; and what the depot knows of products that are no longer sold.
import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { listsFor, openStore, shopAndComplete, shoppingListOf } from '../support/journeys.ts';
import { accepted, type ShoppingListView } from '../support/mall-api.ts';
import type { MallWorld } from '../support/world.ts';

interface StopLine {
  store: string;
  location: string;
  product: string;
  quantity: string;
}

/** The list as rows of the feature's table (a list is stops keyed by store, items keyed by product: no order). */
function stopLines(list: ShoppingListView): StopLine[] {
  const lines = Object.values(list.stops).flatMap((stop) =>
    Object.values(stop.items).map((item) => ({ store: stop.storeName, location: stop.storeLocation, product: item.name, quantity: String(item.quantity) })),
  );
  return sortLines(lines);
}

function sortLines(lines: StopLine[]): StopLine[] {
  return lines.sort((a, b) => `${a.store}\u0000${a.product}`.localeCompare(`${b.store}\u0000${b.product}`));
}

async function availableLists(world: MallWorld): Promise<ShoppingListView[]> {
  return accepted<{ shoppingLists: ShoppingListView[] }>(await world.api.shoppingLists('available'), 'listing the shopping lists available to bots').shoppingLists;
}

Then("the depot offers the bots a shopping list for {word}'s order:", async function (this: MallWorld, customer: string, table: DataTable) {
  const list = await shoppingListOf(this, this.order(customer));
  assert.equal(list.status, 'available');
  assert.ok((await availableLists(this)).some((l) => l.id === list.id), 'the list is not among those offered to the bots');
  const expected = table.hashes().map((r) => ({ store: this.store(r.store!).name, location: this.unique(r.location!), product: this.product(r.product!).name, quantity: r.quantity! }));
  assert.deepEqual(stopLines(list), sortLines(expected));
});

When("bot {string} takes the shopping list for {word}'s order", async function (this: MallWorld, bot: string, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  accepted(await this.api.assignShoppingList(list.id, bot), `${bot} taking the shopping list`);
});

Given("bot {string} has taken the shopping list for {word}'s order", async function (this: MallWorld, bot: string, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  accepted(await this.api.assignShoppingList(list.id, bot), `${bot} taking the shopping list`);
});

When("bot {string} tries to take the shopping list for {word}'s order", async function (this: MallWorld, bot: string, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  this.attempt = await this.api.assignShoppingList(list.id, bot);
});

When("a bot tries to take the shopping list for {word}'s order without giving its name", async function (this: MallWorld, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  this.attempt = await this.api.assignShoppingList(list.id, '');
});

When("depot staff complete the shopping list for {word}'s order", async function (this: MallWorld, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  accepted(await this.api.completeShoppingList(list.id), 'completing the shopping list');
});

When("depot staff try to complete the shopping list for {word}'s order", async function (this: MallWorld, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  this.attempt = await this.api.completeShoppingList(list.id);
});

When("a bot shops {word}'s order and depot staff complete it", async function (this: MallWorld, customer: string) {
  await shopAndComplete(this, this.order(customer));
});

Then("the shopping list for {word}'s order is assigned to bot {string}", async function (this: MallWorld, customer: string, bot: string) {
  const list = await shoppingListOf(this, this.order(customer));
  assert.deepEqual({ status: list.status, bot: list.assignedBotId }, { status: 'assigned', bot });
});

Then("the shopping list for {word}'s order is completed", async function (this: MallWorld, customer: string) {
  assert.equal((await shoppingListOf(this, this.order(customer))).status, 'completed');
});

Then("the depot no longer offers the shopping list for {word}'s order to the bots", async function (this: MallWorld, customer: string) {
  const list = await shoppingListOf(this, this.order(customer));
  assert.equal((await availableLists(this)).find((l) => l.id === list.id), undefined, 'the list is still offered to the bots');
});

/**
 * A list the order checks drew up and then undid (the order was rejected or cancelled): the order never learns of
 * it, so it is found among the depot's cancelled lists by its order. None is left for a bot to take.
 */
Then("the depot withdraws the shopping list drawn up for {word}'s order", async function (this: MallWorld, customer: string) {
  const order = this.order(customer);
  await this.waitFor(`a withdrawn shopping list for ${customer}'s order`, () => listsFor(this, order, 'canceled'), (lists) => lists.length === 1);
  for (const status of ['pending', 'available', 'assigned']) assert.deepEqual(await listsFor(this, order, status), [], `a ${status} list is left for ${customer}'s order`);
});

/**
 * The depot keeps its own copy of the catalog, fed by the stores' events, so it hears of a removal a moment after
 * the store owner made it. A scenario that depends on the depot knowing waits for it here, through the gateway:
 * it asks the depot to draw up a list with the product at another store. Before the removal arrives the depot
 * refuses that because the product is sold elsewhere; afterwards, because it is no longer sold. Neither draws up
 * a list.
 */
When('the depot has learned that {string} is no longer sold', async function (this: MallWorld, product: string) {
  const productId = this.product(product).id;
  const elsewhere = await openStore(this, 'Probe store', 'Probe corridor', false);
  let probe = 0;
  await this.waitFor(
    `the depot to know that "${product}" is no longer sold`,
    async () => (await this.api.createShoppingList(`probe-${this.tag}-${++probe}`, [{ productId, storeId: elsewhere.id, quantity: 1 }])),
    (reply) => reply.status === 404 && String(reply.body.message).endsWith(`product ${productId} is no longer sold`),
  );
});
