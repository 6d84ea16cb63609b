// Customers: registering, changing the SMS number, being disabled and enabled by staff.
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { DEFAULT_SMS_NUMBER, registerCustomer } from '../support/journeys.ts';
import { accepted, type CustomerView } from '../support/mall-api.ts';
import type { MallWorld } from '../support/world.ts';

async function customerView(world: MallWorld, name: string): Promise<CustomerView> {
  return accepted<{ customer: CustomerView }>(await world.api.customer(world.customer(name).id), `reading customer "${name}"`).customer;
}

Given('the registered customer {string}', async function (this: MallWorld, name: string) {
  await registerCustomer(this, name, DEFAULT_SMS_NUMBER);
});

Given('the registered customer {string} with the SMS number {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  await registerCustomer(this, name, smsNumber);
});

When('{string} registers with the SMS number {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  await registerCustomer(this, name, smsNumber);
});

When('someone tries to register with the name {string} and the SMS number {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  this.attempt = await this.api.registerCustomer(name, smsNumber);
});

When('{string} changes their SMS number to {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  accepted(await this.api.changeSmsNumber(this.customer(name).id, smsNumber), `changing the SMS number of "${name}"`);
});

// The Given steps state a settled past: the change has also reached the SMS provider's address book (notifications'
// copy, fed by customers' events). Without that wait an order placed next could be texted before the change arrives
// — on another consumer, so in no guaranteed order — which is correct behaviour but not the situation described.
Given('{string} has changed their SMS number to {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  const id = this.customer(name).id;
  accepted(await this.api.changeSmsNumber(id, smsNumber), `changing the SMS number of "${name}"`);
  await this.waitFor(`the SMS sandbox to know ${name}'s new number ${smsNumber}`, () => this.sms.recipient(id), (r) => r?.smsNumber === smsNumber);
});

When('{string} tries to change their SMS number to {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  this.attempt = await this.api.changeSmsNumber(this.customer(name).id, smsNumber);
});

When('staff disable {string}', async function (this: MallWorld, name: string) {
  accepted(await this.api.disableCustomer(this.customer(name).id), `disabling "${name}"`);
});

Given('staff have disabled {string}', async function (this: MallWorld, name: string) {
  const id = this.customer(name).id;
  accepted(await this.api.disableCustomer(id), `disabling "${name}"`);
  await this.waitFor(`the SMS sandbox to know that ${name} is disabled`, () => this.sms.recipient(id), (r) => r?.enabled === false);
});

When('staff enable {string}', async function (this: MallWorld, name: string) {
  accepted(await this.api.enableCustomer(this.customer(name).id), `enabling "${name}"`);
});

When('staff try to disable {string}', async function (this: MallWorld, name: string) {
  this.attempt = await this.api.disableCustomer(this.customer(name).id);
});

When('staff try to enable {string}', async function (this: MallWorld, name: string) {
  this.attempt = await this.api.enableCustomer(this.customer(name).id);
});

Then('{string} is a customer with the SMS number {string}', async function (this: MallWorld, name: string, smsNumber: string) {
  const customer = await customerView(this, name);
  assert.deepEqual({ name: customer.name, smsNumber: customer.smsNumber }, { name, smsNumber });
});

Then('{string} may place orders', async function (this: MallWorld, name: string) {
  assert.equal((await customerView(this, name)).enabled, true, `"${name}" is disabled`);
});

Then('{string} may not place orders', async function (this: MallWorld, name: string) {
  assert.equal((await customerView(this, name)).enabled, false, `"${name}" is enabled`);
});
