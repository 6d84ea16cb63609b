import { AggregateRoot, InvalidArgumentError, Money } from '@mallbots/ddd';
import { isBlank } from './blank.js';
import { PaymentAlreadyExistsError, PaymentErrorText, PaymentNotConfirmableError } from './payment.errors.js';
import { PaymentEventName, type PaymentEvent } from './payment.events.js';

export interface AuthorizePaymentProps {
  readonly id: string;
  readonly customerId: string;
  readonly amount: Money;
}

/** What ConfirmPayment asks of a payment: cover `amount`, and, when known, belong to `customerId`. */
export interface ConfirmPaymentProps {
  readonly amount: Money;
  readonly customerId?: string;
}

/** The persisted state, for a repository to store and to rebuild the aggregate from (`fromSnapshot`). */
export interface PaymentSnapshot {
  readonly id: string;
  readonly customerId: string;
  readonly amount: Money;
  /** Events persisted so far; a repository may use it for optimistic concurrency. */
  readonly version: number;
}

/**
 * A card pre-authorization made at the kiosk (requirements §1.8, F01): who authorized how much. It never changes
 * after authorization, which is why payments stays a plain CRUD aggregate (K09).
 */
export class Payment extends AggregateRoot {
  static readonly aggregateName = 'payments.Payment';

  private constructor(
    id: string,
    readonly customerId: string,
    readonly amount: Money,
    version: number,
  ) {
    super(id, version);
  }

  get aggregateName(): string {
    return Payment.aggregateName;
  }

  override get events(): readonly PaymentEvent[] {
    return super.events as readonly PaymentEvent[];
  }

  /**
   * AuthorizePayment. The reference accepted any customer and any amount (§14.4 #38); a blank customer or an amount
   * of zero or less authorizes nothing, so both are refused. Whether the customer exists is the application
   * layer's question (it needs the customers service).
   */
  static authorize(props: AuthorizePaymentProps): Payment {
    if (isBlank(props.id)) throw new InvalidArgumentError(PaymentErrorText.IdBlank);
    if (isBlank(props.customerId)) throw new InvalidArgumentError(PaymentErrorText.CustomerIdBlank);
    if (props.amount.compare(Money.zero) <= 0) throw new InvalidArgumentError(PaymentErrorText.AmountNotPositive);

    const payment = new Payment(props.id, props.customerId, props.amount, 0);
    payment.addEvent(PaymentEventName.PaymentAuthorized, { customerId: props.customerId, amount: props.amount });
    return payment;
  }

  static fromSnapshot(snapshot: PaymentSnapshot): Payment {
    return new Payment(snapshot.id, snapshot.customerId, snapshot.amount, snapshot.version);
  }

  toSnapshot(): PaymentSnapshot {
    return { id: this.id, customerId: this.customerId, amount: this.amount, version: this.version };
  }

  /**
   * ConfirmPayment, the saga's step 3 (reference-behaviour §5.1). The reference only checked that the payment
   * exists and ignored the amount, so an order could be approved for more than was authorized (§14.3 #31). A
   * pre-authorization is a ceiling: the order total may be less than the authorized amount, never more.
   *
   * Confirmation stays a read, as in the reference (§5.3: nothing to compensate): it records no event and changes
   * nothing, so a redelivered command is confirmed again with the same answer.
   */
  confirm(props: ConfirmPaymentProps): void {
    if (props.amount.isNegative()) throw new InvalidArgumentError(PaymentErrorText.ConfirmAmountNegative);
    if (props.amount.compare(this.amount) > 0) {
      throw new PaymentNotConfirmableError(PaymentErrorText.ConfirmAmountExceedsAuthorized);
    }
    // The saga's ConfirmPayment carries the order's customer (customer_id, added to the reference's message): a
    // payment authorized by someone else must not pay for this order (§14.4 #36: "anyone can check out … with any
    // paymentId"). No customer — the gRPC RPC, or a sender that predates the field — means no customer check.
    if (props.customerId !== undefined && props.customerId !== this.customerId) {
      throw new PaymentNotConfirmableError(PaymentErrorText.ConfirmCustomerMismatch);
    }
  }

  /**
   * Idempotent authorization by id (F08, requirements §3.2): authorizing again under this id with the same customer
   * and amount is a repeat and has no further effect; with anything else it is a different payment under a taken id.
   */
  assertRepeatOf(props: AuthorizePaymentProps): void {
    const same = props.id === this.id && props.customerId === this.customerId && props.amount.equals(this.amount);
    if (!same) throw new PaymentAlreadyExistsError();
  }
}
