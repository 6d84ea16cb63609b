// Contract payments-sub → ordering-pub: the order events payments reacts to. Each delivered event is decoded with
// payments' own registry and handed to the real OrderEventsConsumer, whose use cases (CreateInvoice,
// CancelOrderInvoice) run on in-memory repositories; the test checks the order's invoice.
import { afterAll, describe, expect, it } from '@jest/globals';
import { MatchersV3 } from '@pact-foundation/pact';
import { pactEvent } from '@mallbots/am/testing';
import type { OrderCanceled, OrderReadied } from '@mallbots/contracts/ordering';
import { Money } from '@mallbots/ddd';
import { consumerContract } from '@mallbots/testing/pact';
import type { CommandBus } from '@nestjs/cqrs';
import { CancelOrderInvoiceCommand } from '../../application/cancel-order-invoice/cancel-order-invoice.command.js';
import { CancelOrderInvoiceHandler } from '../../application/cancel-order-invoice/cancel-order-invoice.handler.js';
import { CreateInvoiceCommand } from '../../application/create-invoice/create-invoice.command.js';
import { CreateInvoiceHandler } from '../../application/create-invoice/create-invoice.handler.js';
import { InMemoryInvoiceRepository, recordingDispatcher } from '../../application/testing/in-memory-repositories.js';
import { InvoiceEventName } from '../../domain/index.js';
import { OrderEventsConsumer } from './order-events.consumer.js';
import { OrderingChannel, OrderingMessage, paymentsRegistry } from './payments.messages.js';

const { number, regex } = MatchersV3;

/** An id: any string but a blank one (the saga and the participants refuse blank ids). */
const nonBlank = (example: string) => regex(/.*\S.*/, example);

const registry = paymentsRegistry();

/** Payments' order-event consumer over the real use cases on in-memory doubles. */
function setup() {
  const invoices = new InMemoryInvoiceRepository();
  const { events, published } = recordingDispatcher();
  const create = new CreateInvoiceHandler(invoices, events);
  const cancel = new CancelOrderInvoiceHandler(invoices, events);
  const bus = {
    execute: async (command: unknown) => {
      if (command instanceof CreateInvoiceCommand) return create.execute(command);
      if (command instanceof CancelOrderInvoiceCommand) return cancel.execute(command);
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as CommandBus;
  return { invoices, published, consumer: new OrderEventsConsumer(bus) };
}

describe('payments-sub → ordering-pub (the order events payments reacts to)', () => {
  const contract = consumerContract('payments-sub', 'ordering-pub');
  afterAll(() => contract.expectCommitted());

  it('invoices a readied order for its total, under the order’s payment', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('an approved order', { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' })
      .expectsToReceive('an OrderReadied message', (b) =>
        b
          .withJSONContent({ id: nonBlank('order-1'), customerId: nonBlank('customer-1'), paymentId: nonBlank('payment-1'), total: number(2.5) })
          .withMetadata({ subject: OrderingChannel.OrderEvents, name: OrderingMessage.OrderReadied }),
      )
      .executeTest(async (m) => {
        const t = setup();
        await t.consumer.onOrderReadied(pactEvent<OrderReadied>(registry, m));

        expect(t.invoices.rows.get('order-1')).toMatchObject({ id: 'order-1', orderId: 'order-1', paymentId: 'payment-1', amount: Money.fromDecimal(2.5), status: 'pending' });
        expect(t.published.map((e) => e.name)).toEqual([InvoiceEventName.InvoiceCreated]);
      });
  });

  it('cancels the pending invoice of a canceled order', async () => {
    await contract.pact
      .addAsynchronousInteraction()
      .given('a pending order', { id: 'order-1', customerId: 'customer-1', paymentId: 'payment-1' })
      .expectsToReceive('an OrderCanceled message', (b) =>
        b
          .withJSONContent({ id: nonBlank('order-1'), customerId: nonBlank('customer-1'), paymentId: nonBlank('payment-1') })
          .withMetadata({ subject: OrderingChannel.OrderEvents, name: OrderingMessage.OrderCanceled }),
      )
      .executeTest(async (m) => {
        const t = setup();
        t.invoices.seed({ orderId: 'order-1', amount: Money.fromDecimal(2.5) });
        await t.consumer.onOrderCanceled(pactEvent<OrderCanceled>(registry, m));

        expect(t.invoices.rows.get('order-1')).toMatchObject({ status: 'canceled' });
        expect(t.published.map((e) => e.name)).toEqual([InvoiceEventName.InvoiceCanceled]);
      });
  });
});
