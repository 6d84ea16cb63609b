// The store catalog: adding, rebranding, repricing and removing products; browsing a store's catalog.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { addProduct, DEFAULT_LOCATION, openStore } from '../support/journeys.ts';
import { accepted, type ProductView } from '../support/mall-api.ts';
import { cents, decimal, type MallWorld } from '../support/world.ts';

async function catalogOf(world: MallWorld, store: string): Promise<ProductView[]> {
  return accepted<{ products: ProductView[] }>(await world.api.catalog(world.store(store).id), `reading the catalog of "${store}"`).products;
}

/** `| product | price |` rows, sorted: a catalog is a set of products, in no particular order. */
function rows(list: Array<{ product: string; price: string }>): Array<{ product: string; price: string }> {
  return [...list].sort((a, b) => a.product.localeCompare(b.product));
}

async function storeSelling(world: MallWorld, store: string, location: string, table: DataTable): Promise<void> {
  await openStore(world, store, location, true);
  for (const row of table.hashes()) await addProduct(world, store, row.product!, Number(row.price));
}

Given('the participating store {string} sells:', async function (this: MallWorld, store: string, table: DataTable) {
  await storeSelling(this, store, DEFAULT_LOCATION, table);
});

Given('the participating store {string} at {string} sells:', async function (this: MallWorld, store: string, location: string, table: DataTable) {
  await storeSelling(this, store, location, table);
});

Given('{string} sells {string} at {money}', async function (this: MallWorld, store: string, product: string, price: number) {
  await addProduct(this, store, product, price);
});

When('the owner of {string} adds {string} at {money}', async function (this: MallWorld, store: string, product: string, price: number) {
  await addProduct(this, store, product, price);
});

When('the owner of {string} tries to add a product without a name at {money}', async function (this: MallWorld, store: string, price: number) {
  this.attempt = await this.api.addProduct(this.store(store).id, { name: '', description: 'Nameless', sku: `SKU-${this.tag}`, price });
});

When('the owner of {string} tries to add {string} at {money}', async function (this: MallWorld, store: string, product: string, price: number) {
  this.attempt = await this.api.addProduct(this.store(store).id, { name: this.unique(product), description: product, sku: `SKU-${this.tag}`, price });
});

When('someone tries to add {string} at {money} to a store the mall does not have', async function (this: MallWorld, product: string, price: number) {
  this.attempt = await this.api.addProduct(randomUUID(), { name: this.unique(product), description: product, sku: `SKU-${this.tag}`, price });
});

When('{string} is rebranded as {string}, described as {string}', async function (this: MallWorld, product: string, name: string, description: string) {
  accepted(await this.api.rebrandProduct(this.product(product).id, this.unique(name), description), `rebranding "${product}"`);
});

When('the owner raises the price of {string} to {money}', async function (this: MallWorld, product: string, price: number) {
  accepted(await this.api.increasePrice(this.product(product).id, price), `raising the price of "${product}"`);
});

When('the owner lowers the price of {string} to {money}', async function (this: MallWorld, product: string, price: number) {
  accepted(await this.api.decreasePrice(this.product(product).id, price), `lowering the price of "${product}"`);
});

When('the owner tries to raise the price of {string} to {money}', async function (this: MallWorld, product: string, price: number) {
  this.attempt = await this.api.increasePrice(this.product(product).id, price);
});

When('the owner tries to lower the price of {string} to {money}', async function (this: MallWorld, product: string, price: number) {
  this.attempt = await this.api.decreasePrice(this.product(product).id, price);
});

When('the owner of {string} removes {string}', async function (this: MallWorld, store: string, product: string) {
  assert.equal(this.product(product).store, store, `"${product}" is not sold by "${store}"`);
  accepted(await this.api.removeProduct(this.product(product).id), `removing "${product}"`);
});

When('the owner of {string} tries to remove {string} again', async function (this: MallWorld, store: string, product: string) {
  assert.equal(this.product(product).store, store, `"${product}" is not sold by "${store}"`);
  this.attempt = await this.api.removeProduct(this.product(product).id);
});

Then('the catalog of {string} lists:', async function (this: MallWorld, store: string, table: DataTable) {
  const storeId = this.store(store).id;
  const products = await catalogOf(this, store);
  assert.ok(
    products.every((p) => p.storeId === storeId),
    `the catalog of "${store}" holds another store's products`,
  );
  const expected = table.hashes().map((r) => ({ product: this.unique(r.product!), price: decimal(cents(Number(r.price))) }));
  assert.deepEqual(rows(products.map((p) => ({ product: p.name, price: decimal(cents(p.price)) }))), rows(expected));
});

Then('the catalog of {string} is empty', async function (this: MallWorld, store: string) {
  assert.deepEqual(await catalogOf(this, store), []);
});

Then('the catalog of {string} shows {string} as {string}, described as {string}', async function (this: MallWorld, store: string, product: string, name: string, description: string) {
  const found = (await catalogOf(this, store)).find((p) => p.id === this.product(product).id);
  assert.deepEqual(found && { name: found.name, description: found.description }, { name: this.unique(name), description });
});
