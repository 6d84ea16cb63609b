// Store management: opening stores, taking part in automated shopping, rebranding; the mall's lists of stores.
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { DEFAULT_LOCATION, openStore } from '../support/journeys.ts';
import { accepted, type StoreView } from '../support/mall-api.ts';
import type { MallWorld } from '../support/world.ts';

async function mallStores(world: MallWorld): Promise<StoreView[]> {
  return accepted<{ stores: StoreView[] }>(await world.api.stores(), "reading the mall's stores").stores;
}

async function participatingStores(world: MallWorld): Promise<StoreView[]> {
  return accepted<{ stores: StoreView[] }>(await world.api.participatingStores(), "reading the mall's participating stores").stores;
}

Given('the store {string} at {string}', async function (this: MallWorld, name: string, location: string) {
  await openStore(this, name, location, false);
});

Given('the participating store {string}', async function (this: MallWorld, name: string) {
  await openStore(this, name, DEFAULT_LOCATION, true);
});

Given('the participating store {string} at {string}', async function (this: MallWorld, name: string, location: string) {
  await openStore(this, name, location, true);
});

When('a store owner opens {string} at {string}', async function (this: MallWorld, name: string, location: string) {
  await openStore(this, name, location, false);
});

When('a store owner tries to open a store without a name at {string}', async function (this: MallWorld, location: string) {
  this.attempt = await this.api.createStore('', this.unique(location));
});

When('a store owner tries to open {string} without a location', async function (this: MallWorld, name: string) {
  this.attempt = await this.api.createStore(this.unique(name), '');
});

When('the store administrators let {string} take part in automated shopping', async function (this: MallWorld, name: string) {
  accepted(await this.api.enableParticipation(this.store(name).id), `letting "${name}" take part`);
});

When('the store administrators try to let {string} take part again', async function (this: MallWorld, name: string) {
  this.attempt = await this.api.enableParticipation(this.store(name).id);
});

When('{string} stops taking part in automated shopping', async function (this: MallWorld, name: string) {
  accepted(await this.api.disableParticipation(this.store(name).id), `"${name}" opting out`);
});

When('{string} tries to stop taking part in automated shopping', async function (this: MallWorld, name: string) {
  this.attempt = await this.api.disableParticipation(this.store(name).id);
});

When('{string} is rebranded as {string}', async function (this: MallWorld, name: string, newName: string) {
  const store = this.store(name);
  accepted(await this.api.rebrandStore(store.id, this.unique(newName)), `rebranding "${name}"`);
  store.name = this.unique(newName);
});

When('{string} tries to rebrand without a name', async function (this: MallWorld, name: string) {
  this.attempt = await this.api.rebrandStore(this.store(name).id, '');
});

Then('the mall has the store {string} at {string}', async function (this: MallWorld, name: string, location: string) {
  const store = this.store(name);
  const found = (await mallStores(this)).find((s) => s.id === store.id);
  assert.deepEqual(found && { name: found.name, location: found.location }, { name: this.unique(name), location: this.unique(location) });
});

Then('the mall still has the store {string}', async function (this: MallWorld, name: string) {
  const store = this.store(name);
  const found = (await mallStores(this)).find((s) => s.id === store.id);
  assert.deepEqual(found && { name: found.name, location: found.location }, { name: store.name, location: store.location });
});

Then('the mall has no store at {string}', async function (this: MallWorld, location: string) {
  const found = (await mallStores(this)).filter((s) => s.location === this.unique(location));
  assert.deepEqual(found, [], `the mall has a store at "${location}"`);
});

Then('the mall has no store called {string}', async function (this: MallWorld, name: string) {
  const found = (await mallStores(this)).filter((s) => s.name === this.unique(name));
  assert.deepEqual(found, [], `the mall has a store called "${name}"`);
});

Then("{string} is one of the mall's participating stores", async function (this: MallWorld, name: string) {
  const store = this.store(name);
  const found = (await participatingStores(this)).find((s) => s.id === store.id);
  assert.deepEqual(found, { id: store.id, name: store.name, location: store.location, participating: true }, `"${name}" is not among the participating stores`);
  assert.equal(accepted<{ store: StoreView }>(await this.api.store(store.id), `reading "${name}"`).store.participating, true);
});

Then("{string} is not one of the mall's participating stores", async function (this: MallWorld, name: string) {
  const store = this.store(name);
  assert.equal((await participatingStores(this)).find((s) => s.id === store.id), undefined, `"${name}" is among the participating stores`);
  assert.equal(accepted<{ store: StoreView }>(await this.api.store(store.id), `reading "${name}"`).store.participating, false);
});

Then('the mall knows {string} as {string}', async function (this: MallWorld, name: string, shownAs: string) {
  const { store } = accepted<{ store: StoreView }>(await this.api.store(this.store(name).id), `reading "${name}"`);
  assert.equal(store.name, this.unique(shownAs));
});

Then('the participating stores show {string} as {string}', async function (this: MallWorld, name: string, shownAs: string) {
  const found = (await participatingStores(this)).find((s) => s.id === this.store(name).id);
  assert.equal(found?.name, this.unique(shownAs), `"${name}" among the participating stores`);
});
