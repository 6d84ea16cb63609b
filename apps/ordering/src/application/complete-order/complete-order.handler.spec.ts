import { InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import { OrderCompletedEvent, OrderStatus, OrderTransitionError } from '../../domain/index.js';
import { givenOrder, inMemoryOrders, INVOICE_ID, type OrdersKit } from '../orders.fixture.js';
import { CompleteOrderCommand } from './complete-order.command.js';
import { CompleteOrderHandler } from './complete-order.handler.js';

describe('CompleteOrderHandler', () => {
  let kit: OrdersKit;
  let handler: CompleteOrderHandler;

  beforeEach(() => {
    kit = inMemoryOrders();
    handler = new CompleteOrderHandler(kit.orders);
  });

  it('completes a ready order with the paid invoice and saves OrderCompleted carrying the invoice id', async () => {
    await givenOrder(kit, 'o-1', 'ready');

    await handler.execute(new CompleteOrderCommand('o-1', 'invoice-7'));

    const order = await kit.orders.get('o-1');
    expect([order.status, order.invoiceId]).toEqual([OrderStatus.Completed, 'invoice-7']);
    expect(kit.saved.map((e) => [e.name, e.payload])).toEqual([[OrderCompletedEvent, { customerId: 'customer-1', invoiceId: 'invoice-7' }]]);
  });

  it('changes nothing when the order was completed by the same invoice (a repeated InvoicePaid)', async () => {
    await givenOrder(kit, 'o-1', 'completed');

    await expect(handler.execute(new CompleteOrderCommand('o-1', INVOICE_ID))).resolves.toBeUndefined();

    expect(kit.saved).toEqual([]);
  });

  it.each([
    ['completed', 'another-invoice'],
    ['approved', INVOICE_ID],
    ['pending', INVOICE_ID],
    ['cancelled', INVOICE_ID],
  ] as const)('refuses a %s order (invoice %s) with "the order cannot be completed"', async (status, invoiceId) => {
    await givenOrder(kit, 'o-1', status);

    const attempt = handler.execute(new CompleteOrderCommand('o-1', invoiceId));

    await expect(attempt).rejects.toBeInstanceOf(OrderTransitionError);
    await expect(attempt).rejects.toThrow('the order cannot be completed');
    expect(kit.saved).toEqual([]);
  });

  it('refuses a blank invoice id on a ready order', async () => {
    await givenOrder(kit, 'o-1', 'ready');
    await expect(handler.execute(new CompleteOrderCommand('o-1', ''))).rejects.toEqual(expect.any(InvalidArgumentError));
    await expect(handler.execute(new CompleteOrderCommand('o-1', ''))).rejects.toThrow('the invoice id cannot be blank');
  });

  it('answers an unknown order with NotFound', async () => {
    await expect(handler.execute(new CompleteOrderCommand('nope', INVOICE_ID))).rejects.toBeInstanceOf(NotFoundError);
  });
});
