// Payments and invoices: pre-authorising a card, the invoice of a ready order, paying it, cancelled invoices.
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { invoiceOf, preAuthorise, readOrder } from '../support/journeys.ts';
import { accepted, type InvoiceView } from '../support/mall-api.ts';
import { cents, decimal, type MallWorld } from '../support/world.ts';

/** The invoice ordering names for the ready order. */
async function invoiceIdOf(world: MallWorld, customer: string): Promise<string> {
  const order = await readOrder(world, world.order(customer).id);
  assert.ok(order.invoiceId, `${customer}'s order (${order.status}) has no invoice`);
  return order.invoiceId;
}

async function invoiceStatus(world: MallWorld, customer: string): Promise<string> {
  return accepted<{ invoice: InvoiceView }>(await world.api.invoice(await invoiceIdOf(world, customer)), `reading ${customer}'s invoice`).invoice.status;
}

async function pay(world: MallWorld, customer: string): Promise<void> {
  accepted(await world.api.payInvoice(await invoiceIdOf(world, customer)), `${customer} paying the invoice`);
}

Given("{word}'s card is pre-authorised for {money}", async function (this: MallWorld, customer: string, amount: number) {
  await preAuthorise(this, customer, amount);
});

When('the kiosk tries to pre-authorise {money} for no one', async function (this: MallWorld, amount: number) {
  this.attempt = await this.api.authorizePayment('', amount);
});

When('the kiosk tries to pre-authorise {money} for {word}', async function (this: MallWorld, amount: number, customer: string) {
  this.attempt = await this.api.authorizePayment(this.customer(customer).id, amount);
});

Then('{word} has an invoice of {money} to pay', async function (this: MallWorld, customer: string, amount: number) {
  const order = this.order(customer);
  const invoice = await invoiceOf(this, order, 'pending');
  assert.deepEqual({ order: invoice.orderId, amount: decimal(cents(invoice.amount)) }, { order: order.id, amount: decimal(cents(amount)) });
  assert.equal(await invoiceIdOf(this, customer), invoice.id, 'the order names another invoice');
});

When('{word} pays her/his/their invoice', async function (this: MallWorld, customer: string) {
  await pay(this, customer);
});

Given('{word} has paid her/his/their invoice', async function (this: MallWorld, customer: string) {
  await pay(this, customer);
});

When('{word} pays her/his/their invoice again', async function (this: MallWorld, customer: string) {
  await pay(this, customer);
});

When('{word} tries to pay her/his/their invoice', async function (this: MallWorld, customer: string) {
  this.attempt = await this.api.payInvoice(await invoiceIdOf(this, customer));
});

When("depot staff cancel {word}'s invoice", async function (this: MallWorld, customer: string) {
  accepted(await this.api.cancelInvoice(await invoiceIdOf(this, customer)), `cancelling ${customer}'s invoice`);
});

/**
 * Payments invoices an order only once it is ready (under the order's id), so an order that can no longer become
 * ready — rejected or cancelled — is never invoiced: it names no invoice, and payments holds none under its id.
 */
Then("no invoice is ever raised for {word}'s order", async function (this: MallWorld, customer: string) {
  const order = await readOrder(this, this.order(customer).id);
  assert.ok(['rejected', 'cancelled'].includes(order.status), `${customer}'s order is ${order.status}, so it may still be invoiced`);
  assert.equal(order.invoiceId ?? '', '', `${customer}'s order names an invoice`);
  const invoice = await this.api.invoice(order.id);
  assert.equal(invoice.status, 404, `payments holds an invoice for ${customer}'s order: ${JSON.stringify(invoice.body)}`);
});

Then("{word}'s invoice is paid", async function (this: MallWorld, customer: string) {
  assert.equal(await invoiceStatus(this, customer), 'paid');
});

Then("{word}'s invoice is canceled", async function (this: MallWorld, customer: string) {
  assert.equal(await invoiceStatus(this, customer), 'canceled');
});
