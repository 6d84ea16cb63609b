import { AlreadyExistsError, FailedPreconditionError, InvalidArgumentError, MetadataKeys, Money, httpStatusOf } from '@mallbots/ddd';
import { Invoice, type CreateInvoiceProps, type InvoiceSnapshot } from './invoice.aggregate.js';
import {
  InvoiceAlreadyExistsError,
  InvoiceCannotBeAdjustedError,
  InvoiceCannotBeCanceledError,
  InvoiceCannotBePaidError,
  InvoiceErrorText,
} from './invoice.errors.js';
import { InvoiceEventName } from './invoice.events.js';
import { InvoiceStatus } from './invoice-status.js';

const usd = (amount: number) => Money.fromDecimal(amount);
const createProps = (overrides: Partial<CreateInvoiceProps> = {}): CreateInvoiceProps => ({
  orderId: 'order-1',
  paymentId: 'payment-1',
  amount: usd(10),
  ...overrides,
});
const snapshotIn = (status: InvoiceStatus): InvoiceSnapshot => ({
  id: 'order-1',
  orderId: 'order-1',
  paymentId: 'payment-1',
  amount: usd(10),
  status,
  version: 3,
});

describe('Invoice.create', () => {
  it('reuses the order id as invoice id (reference compatibility) and stores order and payment ids (#40)', () => {
    const invoice = Invoice.create(createProps());

    expect(invoice.toSnapshot()).toEqual({
      id: 'order-1',
      orderId: 'order-1',
      paymentId: 'payment-1',
      amount: usd(10),
      status: InvoiceStatus.Pending,
      version: 0,
    });
    expect(invoice.events).toHaveLength(1);
    const [event] = invoice.events;
    expect(event!.name).toBe(InvoiceEventName.InvoiceCreated);
    expect(event!.payload).toEqual({ orderId: 'order-1', paymentId: 'payment-1', amount: usd(10) });
    expect(event!.metadata).toEqual({
      [MetadataKeys.AggregateName]: 'payments.Invoice',
      [MetadataKeys.AggregateId]: 'order-1',
      [MetadataKeys.AggregateVersion]: '1',
    });
  });

  it('keeps an explicit invoice id', () => {
    const invoice = Invoice.create(createProps({ id: 'invoice-7' }));
    expect(invoice.id).toBe('invoice-7');
    expect(invoice.orderId).toBe('order-1');
    expect(invoice.events[0]!.metadata[MetadataKeys.AggregateId]).toBe('invoice-7');
  });

  it.each([
    [usd(0), 0],
    [usd(9.99), 999],
    [usd(0.1 + 0.2), 30],
    // An order total as ordering computes it: Σ price × quantity, here 3 × 19.99 + 0.01.
    [usd(19.99).times(3).plus(usd(0.01)), 5998],
  ])('keeps the amount %s exactly (%p cents)', (amount, cents) => {
    const invoice = Invoice.create(createProps({ amount }));
    expect(invoice.amount.cents).toBe(cents);
    expect(JSON.parse(JSON.stringify(invoice.events[0]!.payload))).toEqual({ orderId: 'order-1', paymentId: 'payment-1', amount: cents });
  });

  it.each([
    ['a blank explicit id', InvoiceErrorText.IdBlank, createProps({ id: '' })],
    ['a blank order id (and so a blank default id)', InvoiceErrorText.IdBlank, createProps({ orderId: '' })],
    ['a blank order id with an explicit id', InvoiceErrorText.OrderIdBlank, createProps({ id: 'invoice-7', orderId: ' ' })],
    ['a blank payment id', InvoiceErrorText.PaymentIdBlank, createProps({ paymentId: '' })],
    ['a whitespace payment id', InvoiceErrorText.PaymentIdBlank, createProps({ paymentId: '  ' })],
    ['a negative amount', InvoiceErrorText.AmountNegative, createProps({ amount: usd(-0.01) })],
  ])('refuses %s with InvalidArgument %p, creating nothing', (_case, message, input) => {
    expect(() => Invoice.create(input)).toThrow(new InvalidArgumentError(message));
    expect(() => Invoice.create(input)).toThrow(InvalidArgumentError);
  });
});

type Operation = 'pay' | 'cancel' | 'adjust to 12.34' | 'adjust to 0' | 'adjust to the current amount' | 'adjust to -0.01';

const run: Record<Operation, (invoice: Invoice) => void> = {
  pay: (invoice) => invoice.pay(),
  cancel: (invoice) => invoice.cancel(),
  'adjust to 12.34': (invoice) => invoice.adjust(usd(12.34)),
  'adjust to 0': (invoice) => invoice.adjust(Money.zero),
  'adjust to the current amount': (invoice) => invoice.adjust(Money.ofCents(1000)),
  'adjust to -0.01': (invoice) => invoice.adjust(usd(-0.01)),
};

type Outcome =
  | { kind: 'changed'; label: string; status: InvoiceStatus; amount: Money; event: { name: string; payload: unknown } }
  | { kind: 'no-op'; label: string }
  | { kind: 'refused'; label: string; type: abstract new (...args: any[]) => Error; message: string };

const paid: Outcome = {
  kind: 'changed',
  label: 'paid, InvoicePaid',
  status: InvoiceStatus.Paid,
  amount: usd(10),
  event: { name: 'payments.InvoicePaid', payload: { orderId: 'order-1', paymentId: 'payment-1', amount: usd(10) } },
};
const canceled: Outcome = {
  kind: 'changed',
  label: 'canceled, InvoiceCanceled',
  status: InvoiceStatus.Canceled,
  amount: usd(10),
  event: { name: 'payments.InvoiceCanceled', payload: { orderId: 'order-1', paymentId: 'payment-1' } },
};
const adjustedTo = (amount: Money): Outcome => ({
  kind: 'changed',
  label: `amount ${amount.toString()}, InvoiceAdjusted`,
  status: InvoiceStatus.Pending,
  amount,
  event: { name: 'payments.InvoiceAdjusted', payload: { amount } },
});
const noOp: Outcome = { kind: 'no-op', label: 'no-op (no event, no change)' };
const refused = (type: abstract new (...args: any[]) => Error, message: string): Outcome => ({
  kind: 'refused',
  label: `refused: ${type.name} "${message}"`,
  type,
  message,
});
const cannotPay = refused(InvoiceCannotBePaidError, 'invoice cannot be paid for');
const cannotCancel = refused(InvoiceCannotBeCanceledError, 'invoice cannot be canceled');
const cannotAdjust = refused(InvoiceCannotBeAdjustedError, 'invoice cannot be adjusted');
const negativeAmount = refused(InvalidArgumentError, 'the invoice amount cannot be negative');

// Every status × every operation. Repeats of a transition that already happened are no-ops (idempotency, F08).
const table: [InvoiceStatus, Operation, Outcome][] = [
  [InvoiceStatus.Pending, 'pay', paid],
  [InvoiceStatus.Pending, 'cancel', canceled],
  [InvoiceStatus.Pending, 'adjust to 12.34', adjustedTo(usd(12.34))],
  [InvoiceStatus.Pending, 'adjust to 0', adjustedTo(Money.zero)],
  [InvoiceStatus.Pending, 'adjust to the current amount', noOp],
  [InvoiceStatus.Pending, 'adjust to -0.01', negativeAmount],

  [InvoiceStatus.Paid, 'pay', noOp],
  [InvoiceStatus.Paid, 'cancel', cannotCancel],
  [InvoiceStatus.Paid, 'adjust to 12.34', cannotAdjust],
  [InvoiceStatus.Paid, 'adjust to 0', cannotAdjust],
  [InvoiceStatus.Paid, 'adjust to the current amount', cannotAdjust],
  [InvoiceStatus.Paid, 'adjust to -0.01', negativeAmount],

  [InvoiceStatus.Canceled, 'pay', cannotPay],
  [InvoiceStatus.Canceled, 'cancel', noOp],
  [InvoiceStatus.Canceled, 'adjust to 12.34', cannotAdjust],
  [InvoiceStatus.Canceled, 'adjust to 0', cannotAdjust],
  [InvoiceStatus.Canceled, 'adjust to the current amount', cannotAdjust],
  [InvoiceStatus.Canceled, 'adjust to -0.01', negativeAmount],
];

describe('Invoice transitions (status × operation)', () => {
  it('covers every status with every operation', () => {
    const covered = new Set(table.map(([status, op]) => `${status}/${op}`));
    for (const status of Object.values(InvoiceStatus)) {
      for (const op of Object.keys(run)) expect(covered).toContain(`${status}/${op}`);
    }
  });

  const cases = table.map(([status, op, outcome]) => [status, op, outcome.label, outcome] as const);

  it.each(cases)('%s invoice, %s → %s', (status, op, _label, outcome) => {
    const invoice = Invoice.fromSnapshot(snapshotIn(status));
    const before = invoice.toSnapshot();

    switch (outcome.kind) {
      case 'changed': {
        run[op](invoice);
        expect(invoice.toSnapshot()).toEqual({ ...before, status: outcome.status, amount: outcome.amount });
        expect(invoice.events).toHaveLength(1);
        const [event] = invoice.events;
        expect(event!.name).toBe(outcome.event.name);
        expect(event!.payload).toEqual(outcome.event.payload);
        expect(event!.metadata[MetadataKeys.AggregateVersion]).toBe('4');
        expect(event!.metadata[MetadataKeys.AggregateId]).toBe('order-1');
        break;
      }
      case 'no-op':
        expect(() => run[op](invoice)).not.toThrow();
        expect(invoice.toSnapshot()).toEqual(before);
        expect(invoice.events).toHaveLength(0);
        break;
      case 'refused': {
        let thrown: unknown;
        try {
          run[op](invoice);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(outcome.type);
        expect((thrown as Error).message).toBe(outcome.message);
        // Every refusal is a 400, as the reference's BadRequest was.
        expect(httpStatusOf(thrown)).toBe(400);
        if (thrown instanceof FailedPreconditionError) expect((thrown as unknown as { status: string }).status).toBe(status);
        expect(invoice.toSnapshot()).toEqual(before);
        expect(invoice.events).toHaveLength(0);
        break;
      }
    }
  });

  it('repeating a successful transition records nothing more', () => {
    const invoice = Invoice.fromSnapshot(snapshotIn(InvoiceStatus.Pending));
    invoice.pay();
    invoice.pay();
    expect(invoice.events.map((e) => e.name)).toEqual(['payments.InvoicePaid']);

    const other = Invoice.fromSnapshot(snapshotIn(InvoiceStatus.Pending));
    other.cancel();
    other.cancel();
    expect(other.events.map((e) => e.name)).toEqual(['payments.InvoiceCanceled']);
  });

  it('runs a whole lifecycle with consecutive versions and the adjusted amount on InvoicePaid', () => {
    const invoice = Invoice.create(createProps({ amount: usd(10) }));
    invoice.adjust(usd(9.99));
    invoice.pay();

    expect(invoice.events.map((e) => [e.name, e.metadata[MetadataKeys.AggregateVersion]])).toEqual([
      ['payments.InvoiceCreated', '1'],
      ['payments.InvoiceAdjusted', '2'],
      ['payments.InvoicePaid', '3'],
    ]);
    expect(invoice.events[2]!.payload).toEqual({ orderId: 'order-1', paymentId: 'payment-1', amount: Money.ofCents(999) });

    invoice.commitEvents();
    expect(invoice.toSnapshot()).toMatchObject({ status: InvoiceStatus.Paid, amount: Money.ofCents(999), version: 3 });
    expect(() => invoice.cancel()).toThrow(InvoiceCannotBeCanceledError);
  });
});

describe('Invoice.assertRepeatOf', () => {
  it.each([
    ['the same order and payment', createProps(), undefined],
    ['the same order and payment with another amount (it may have been adjusted)', createProps({ amount: usd(99) }), undefined],
    ['the same order with the explicit id equal to it', createProps({ id: 'order-1' }), undefined],
    ['another payment', createProps({ paymentId: 'payment-2' }), InvoiceAlreadyExistsError],
    ['another order', createProps({ id: 'order-1', orderId: 'order-2' }), InvoiceAlreadyExistsError],
    ['another id', createProps({ id: 'invoice-2' }), InvoiceAlreadyExistsError],
  ])('%s', (_case, input, error) => {
    const invoice = Invoice.fromSnapshot(snapshotIn(InvoiceStatus.Pending));
    if (error) {
      expect(() => invoice.assertRepeatOf(input)).toThrow(error);
      expect(() => invoice.assertRepeatOf(input)).toThrow(AlreadyExistsError);
      expect(() => invoice.assertRepeatOf(input)).toThrow('the invoice already exists for another order or payment');
    } else {
      expect(() => invoice.assertRepeatOf(input)).not.toThrow();
    }
    expect(invoice.events).toHaveLength(0);
  });
});

describe('Invoice snapshots', () => {
  // A canceled invoice must be readable (the reference failed with "unknown invoice status: canceled").
  it.each(Object.values(InvoiceStatus))('round-trips a %s invoice with its version and no pending events', (status) => {
    const snapshot: InvoiceSnapshot = { ...snapshotIn(status), amount: usd(1234.56), version: 5 };
    const invoice = Invoice.fromSnapshot(snapshot);

    expect(invoice.toSnapshot()).toEqual(snapshot);
    expect(invoice.status).toBe(status);
    expect(invoice.amount.cents).toBe(123456);
    expect(invoice.version).toBe(5);
    expect(invoice.events).toHaveLength(0);
  });
});
