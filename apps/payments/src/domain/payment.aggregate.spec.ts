import { AlreadyExistsError, FailedPreconditionError, InvalidArgumentError, MetadataKeys, Money, NotFoundError, httpStatusOf } from '@mallbots/ddd';
import { Payment, type AuthorizePaymentProps, type PaymentSnapshot } from './payment.aggregate.js';
import { PaymentAlreadyExistsError, PaymentErrorText, PaymentNotConfirmableError, PaymentNotFoundError } from './payment.errors.js';
import { PaymentEventName } from './payment.events.js';

const usd = (amount: number) => Money.fromDecimal(amount);
const props = (overrides: Partial<AuthorizePaymentProps> = {}): AuthorizePaymentProps => ({
  id: 'payment-1',
  customerId: 'customer-1',
  amount: usd(200),
  ...overrides,
});
const stored = (): Payment => Payment.fromSnapshot({ id: 'payment-1', customerId: 'customer-1', amount: usd(200), version: 1 });

describe('Payment.authorize', () => {
  it.each([
    [usd(0.01), 1],
    [usd(9.99), 999],
    [usd(200), 20000],
    // 0.1 + 0.2 is 0.30000000000000004 as a float; the payment keeps 30 cents.
    [usd(0.1 + 0.2), 30],
  ])('authorizes %s exactly (%p cents) and records PaymentAuthorized', (amount, cents) => {
    const payment = Payment.authorize(props({ amount }));

    expect(payment.toSnapshot()).toEqual({ id: 'payment-1', customerId: 'customer-1', amount: Money.ofCents(cents), version: 0 });
    expect(payment.events).toHaveLength(1);
    const [event] = payment.events;
    expect(event!.name).toBe(PaymentEventName.PaymentAuthorized);
    expect(event!.payload).toEqual({ customerId: 'customer-1', amount: Money.ofCents(cents) });
    expect(JSON.parse(JSON.stringify(event!.payload))).toEqual({ customerId: 'customer-1', amount: cents });
    expect(event!.metadata).toEqual({
      [MetadataKeys.AggregateName]: 'payments.Payment',
      [MetadataKeys.AggregateId]: 'payment-1',
      [MetadataKeys.AggregateVersion]: '1',
    });
  });

  // The reference accepted any customer and any amount (§14.4 #38).
  it.each([
    ['a blank id', PaymentErrorText.IdBlank, props({ id: '' })],
    ['a whitespace id', PaymentErrorText.IdBlank, props({ id: '  ' })],
    ['a blank customer id', PaymentErrorText.CustomerIdBlank, props({ customerId: '' })],
    ['a whitespace customer id', PaymentErrorText.CustomerIdBlank, props({ customerId: '\t' })],
    ['a zero amount', PaymentErrorText.AmountNotPositive, props({ amount: Money.zero })],
    ['a negative amount', PaymentErrorText.AmountNotPositive, props({ amount: usd(-0.01) })],
  ])('refuses %s with InvalidArgument %p, creating nothing', (_case, message, input) => {
    expect(() => Payment.authorize(input)).toThrow(new InvalidArgumentError(message));
    expect(() => Payment.authorize(input)).toThrow(InvalidArgumentError);
  });
});

describe('Payment.confirm', () => {
  type Row = { case: string; request: { amount: Money; customerId?: string }; refused?: { type: new (m: string) => Error; message: string } };
  const rows: Row[] = [
    { case: 'the authorized amount', request: { amount: usd(200) } },
    { case: 'less than the authorized amount', request: { amount: usd(199.99) } },
    { case: 'a zero total', request: { amount: Money.zero } },
    { case: 'the same customer', request: { amount: usd(200), customerId: 'customer-1' } },
    {
      case: 'one cent more than authorized',
      request: { amount: usd(200.01) },
      refused: { type: PaymentNotConfirmableError, message: PaymentErrorText.ConfirmAmountExceedsAuthorized },
    },
    {
      case: 'a negative amount',
      request: { amount: usd(-0.01) },
      refused: { type: InvalidArgumentError, message: PaymentErrorText.ConfirmAmountNegative },
    },
    {
      case: 'another customer',
      request: { amount: usd(200), customerId: 'customer-2' },
      refused: { type: PaymentNotConfirmableError, message: PaymentErrorText.ConfirmCustomerMismatch },
    },
    {
      case: 'too much, for another customer (the amount is reported)',
      request: { amount: usd(250), customerId: 'customer-2' },
      refused: { type: PaymentNotConfirmableError, message: PaymentErrorText.ConfirmAmountExceedsAuthorized },
    },
  ];

  const cases = rows.map((row) => ({ ...row, answer: row.refused ? `refused: "${row.refused.message}"` : 'confirmed' }));

  it.each(cases)('$case → $answer; never a change or an event', ({ request, refused }) => {
    const payment = stored();
    const before = payment.toSnapshot();

    if (refused) {
      expect(() => payment.confirm(request)).toThrow(new refused.type(refused.message));
      expect(() => payment.confirm(request)).toThrow(refused.type);
    } else {
      expect(() => payment.confirm(request)).not.toThrow();
      // Confirmation is a read: a redelivered ConfirmPayment gets the same answer.
      expect(() => payment.confirm(request)).not.toThrow();
    }
    expect(payment.toSnapshot()).toEqual(before);
    expect(payment.events).toHaveLength(0);
  });

  it('compares exact cents: a total summed from float prices still fits the payment authorized for it', () => {
    const payment = Payment.authorize(props({ amount: usd(0.1 + 0.2) }));
    const total = usd(0.1).times(2).plus(usd(0.1));
    expect(() => payment.confirm({ amount: total })).not.toThrow();
  });

  it('refusals are HTTP 400 (FailedPrecondition), an unknown payment keeps the reference NotFound text', () => {
    expect(new PaymentNotConfirmableError(PaymentErrorText.ConfirmAmountExceedsAuthorized)).toBeInstanceOf(FailedPreconditionError);
    expect(httpStatusOf(new PaymentNotConfirmableError('x'))).toBe(400);
    const notFound = new PaymentNotFoundError();
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toBe('payment cannot be confirmed');
    expect(httpStatusOf(notFound)).toBe(404);
  });
});

describe('Payment.assertRepeatOf', () => {
  it.each([
    ['the same authorization', props(), undefined],
    ['the same amount built another way', props({ amount: Money.ofCents(20000) }), undefined],
    ['another customer', props({ customerId: 'customer-2' }), PaymentAlreadyExistsError],
    ['another amount', props({ amount: usd(200.01) }), PaymentAlreadyExistsError],
    ['another id', props({ id: 'payment-2' }), PaymentAlreadyExistsError],
  ])('%s', (_case, input, error) => {
    const payment = stored();
    if (error) {
      expect(() => payment.assertRepeatOf(input)).toThrow(error);
      expect(() => payment.assertRepeatOf(input)).toThrow(AlreadyExistsError);
      expect(() => payment.assertRepeatOf(input)).toThrow(PaymentErrorText.AlreadyExists);
    } else {
      expect(() => payment.assertRepeatOf(input)).not.toThrow();
    }
    expect(payment.events).toHaveLength(0);
  });
});

describe('Payment snapshots', () => {
  it('round-trips the persisted state, version included, with no pending events', () => {
    const snapshot: PaymentSnapshot = { id: 'payment-9', customerId: 'customer-9', amount: usd(12.34), version: 7 };
    const payment = Payment.fromSnapshot(snapshot);

    expect(payment.toSnapshot()).toEqual(snapshot);
    expect(payment.amount.cents).toBe(1234);
    expect(payment.version).toBe(7);
    expect(payment.events).toHaveLength(0);
  });

  it('a new payment is saved at version 1 once its event is committed', () => {
    const payment = Payment.authorize(props());
    payment.commitEvents();
    expect(payment.toSnapshot().version).toBe(1);
    expect(payment.events).toHaveLength(0);
  });
});
