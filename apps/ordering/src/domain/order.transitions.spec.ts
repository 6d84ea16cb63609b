// The state machine, table-driven: every status × every operation. Allowed → the new status and exactly one event;
// refused → a typed error with its text, no event and no change. The expected table is written out literally (not
// derived from ORDER_TRANSITIONS) so that a change to the rules has to change this test too.
import { AlreadyExistsError, FailedPreconditionError, Money, MetadataKeys, type DomainError } from '@mallbots/ddd';
import { Order } from './order.aggregate.js';
import { OrderStatus, type OrderOperation } from './order-status.js';
import { OrderTransitionError } from './order.errors.js';

const details = {
  customerId: 'customer-1',
  paymentId: 'payment-1',
  items: [{ productId: 'p1', storeId: 's1', storeName: 'Store', productName: 'Widget', price: Money.fromDecimal(2.5), quantity: 2 }],
};

/** An order brought to `status` through the domain methods only, with its events saved (none pending). */
function orderIn(status: OrderStatus): Order {
  const order = new Order('order-1');
  const path: Record<OrderStatus, ((o: Order) => void)[]> = {
    '': [],
    pending: [(o) => o.create(details)],
    approved: [(o) => o.create(details), (o) => o.approve('shopping-1')],
    rejected: [(o) => o.create(details), (o) => o.reject()],
    cancelled: [(o) => o.create(details), (o) => o.cancel()],
    ready: [(o) => o.create(details), (o) => o.approve('shopping-1'), (o) => o.ready()],
    completed: [(o) => o.create(details), (o) => o.approve('shopping-1'), (o) => o.ready(), (o) => o.complete('invoice-1')],
  };
  for (const step of path[status]) step(order);
  order.commitEvents();
  return order;
}

const operations: Record<OrderOperation, { run: (o: Order) => void; event: string; refusal: { type: new (...args: never[]) => DomainError; message: string } }> = {
  create: { run: (o) => o.create(details), event: 'ordering.OrderCreated', refusal: { type: AlreadyExistsError, message: 'the order cannot be recreated' } },
  approve: { run: (o) => o.approve('shopping-2'), event: 'ordering.OrderApproved', refusal: { type: OrderTransitionError, message: 'the order cannot be approved' } },
  reject: { run: (o) => o.reject(), event: 'ordering.OrderRejected', refusal: { type: OrderTransitionError, message: 'the order cannot be rejected' } },
  cancel: { run: (o) => o.cancel(), event: 'ordering.OrderCanceled', refusal: { type: OrderTransitionError, message: 'the order cannot be cancelled' } },
  ready: { run: (o) => o.ready(), event: 'ordering.OrderReadied', refusal: { type: OrderTransitionError, message: 'the order cannot be readied' } },
  complete: { run: (o) => o.complete('invoice-2'), event: 'ordering.OrderCompleted', refusal: { type: OrderTransitionError, message: 'the order cannot be completed' } },
};

const NO = null;
// prettier-ignore
const matrix: Record<OrderStatus, Record<OrderOperation, OrderStatus | null>> = {
  //            create     approve     reject      cancel       ready    complete
  '':        { create: 'pending', approve: NO,         reject: NO,         cancel: NO,          ready: NO,      complete: NO },
  pending:   { create: NO,        approve: 'approved', reject: 'rejected', cancel: 'cancelled', ready: NO,      complete: NO },
  approved:  { create: NO,        approve: NO,         reject: NO,         cancel: NO,          ready: 'ready', complete: NO },
  rejected:  { create: NO,        approve: NO,         reject: NO,         cancel: NO,          ready: NO,      complete: NO },
  cancelled: { create: NO,        approve: NO,         reject: NO,         cancel: NO,          ready: NO,      complete: NO },
  ready:     { create: NO,        approve: NO,         reject: NO,         cancel: NO,          ready: NO,      complete: 'completed' },
  completed: { create: NO,        approve: NO,         reject: NO,         cancel: NO,          ready: NO,      complete: NO },
};

const cases = Object.entries(matrix).flatMap(([from, row]) =>
  Object.entries(row).map(([operation, to]) => ({ from: from as OrderStatus, operation: operation as OrderOperation, to })),
);

describe('Order state machine', () => {
  it('covers every status and every operation', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.values(OrderStatus).sort());
    expect(cases).toHaveLength(7 * 6);
  });

  it.each(cases.filter((c) => c.to !== NO))("$from --$operation--> $to, raising one event", ({ from, operation, to }) => {
    const order = orderIn(from);
    const versionBefore = order.version;

    operations[operation].run(order);

    expect(order.status).toBe(to);
    expect(order.events.map((e) => e.name)).toEqual([operations[operation].event]);
    expect(order.events[0]!.metadata).toEqual({
      [MetadataKeys.AggregateName]: 'ordering.Order',
      [MetadataKeys.AggregateId]: 'order-1',
      [MetadataKeys.AggregateVersion]: String(versionBefore + 1),
    });
  });

  it.each(cases.filter((c) => c.to === NO))('$from --$operation--> refused, no event, no change', ({ from, operation }) => {
    const order = orderIn(from);
    const before = { snapshot: order.toSnapshot(), version: order.version };
    const { type, message } = operations[operation].refusal;

    let thrown: unknown;
    try {
      operations[operation].run(order);
    } catch (err) {
      thrown = err;
    }

    expect(thrown).toBeInstanceOf(type);
    expect((thrown as Error).message).toBe(message);
    expect(order.events).toHaveLength(0);
    expect({ snapshot: order.toSnapshot(), version: order.version }).toEqual(before);
  });

  it('status refusals are FAILED_PRECONDITION errors that name the operation and the current status', () => {
    const order = orderIn(OrderStatus.Cancelled);

    const refusal = (() => {
      try {
        order.approve('shopping-1');
      } catch (err) {
        return err as OrderTransitionError;
      }
      throw new Error('approve on a cancelled order was accepted');
    })();

    expect(refusal).toBeInstanceOf(FailedPreconditionError);
    expect(refusal.kind).toBe('FailedPrecondition');
    expect([refusal.operation, refusal.status]).toEqual(['approve', 'cancelled']);
    expect(refusal.details).toEqual([{ field: 'status', reason: 'the order is cancelled' }]);
  });

  it('an order that was never created says so in the refusal details', () => {
    expect(() => new Order('order-1').cancel()).toThrow(
      expect.objectContaining({ message: 'the order cannot be cancelled', details: [{ field: 'status', reason: 'the order has not been created' }] }),
    );
  });

  it('a re-create refusal is ALREADY_EXISTS and keeps the first order (a redelivered checkout changes nothing)', () => {
    const order = orderIn(OrderStatus.Pending);

    expect(() => order.create({ ...details, customerId: 'someone-else' })).toThrow(AlreadyExistsError);
    expect(order.customerId).toBe('customer-1');
  });

  it('the saga cannot overwrite a cancellation (reference defect §14.3 item 33)', () => {
    const order = orderIn(OrderStatus.Pending);
    order.cancel();

    expect(() => order.approve('shopping-1')).toThrow(OrderTransitionError);
    expect(() => order.reject()).toThrow(OrderTransitionError);
    expect(order.status).toBe('cancelled');
    expect(order.events.map((e) => e.name)).toEqual(['ordering.OrderCanceled']);
  });

  it('a second command before saving sees the first one: approve then reject on one loaded order is refused', () => {
    const order = orderIn(OrderStatus.Pending);
    order.approve('shopping-1');

    expect(() => order.reject()).toThrow('the order cannot be rejected');
    expect(order.events.map((e) => e.name)).toEqual(['ordering.OrderApproved']);
  });

  it('runs the whole happy path, one event and one version per step', () => {
    const order = Order.create('order-1', details);
    order.approve('shopping-1');
    order.ready();
    order.complete('invoice-1');

    expect(order.status).toBe('completed');
    expect(order.events.map((e) => [e.name, e.metadata[MetadataKeys.AggregateVersion]])).toEqual([
      ['ordering.OrderCreated', '1'],
      ['ordering.OrderApproved', '2'],
      ['ordering.OrderReadied', '3'],
      ['ordering.OrderCompleted', '4'],
    ]);
  });
});
