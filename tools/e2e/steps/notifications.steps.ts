// Text messages to customers, read from the SMS provider's sandbox (support/sms-sandbox.ts: the one look past the
// gateway). `{order}` in an expected text stands for the order's number, which the customer quotes at the depot.
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import type { Text } from '../support/sms-sandbox.ts';
import type { MallWorld, OrderRef } from '../support/world.ts';

const withOrder = (text: string, order: OrderRef): string => text.trim().replaceAll('{order}', order.id);

const show = (texts: readonly Text[]): string => texts.map((t) => `[${t.status} to ${t.smsNumber}] ${t.text}`).join('\n') || '(none)';

Then('{word} is texted at {string}:', async function (this: MallWorld, customer: string, smsNumber: string, text: string) {
  const order = this.order(customer);
  const expected = withOrder(text, order);
  const texts = await this.waitFor(
    `the text "${expected}" to be sent to ${smsNumber}`,
    () => this.sms.textsAbout(order.id),
    // pending: composed, waiting for the provider; sent: accepted by it.
    (all) => all.some((t) => t.text === expected && t.status === 'sent'),
  );
  const sent = texts.find((t) => t.text === expected && t.status === 'sent')!;
  assert.deepEqual({ to: sent.smsNumber, customer: sent.customerId }, { to: smsNumber, customer: this.customer(customer).id });
});

Then('{word} is sent no text about her/his/their order; these are withheld:', async function (this: MallWorld, customer: string, texts: string) {
  const order = this.order(customer);
  const withheld = texts.split('\n').map((t) => withOrder(t, order)).filter(Boolean);
  const all = await this.waitFor(
    `${withheld.length} withheld texts about ${customer}'s order`,
    () => this.sms.textsAbout(order.id),
    (found) => withheld.every((text) => found.some((t) => t.text === text)),
  );
  assert.deepEqual(
    all.map((t) => ({ text: t.text, status: t.status })).sort((a, b) => a.text.localeCompare(b.text)),
    withheld.map((text) => ({ text, status: 'suppressed' })).sort((a, b) => a.text.localeCompare(b.text)),
    `texts about the order:\n${show(all)}`,
  );
});
