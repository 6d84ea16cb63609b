import { AggregateRoot, InvalidArgumentError, type Money } from '@mallbots/ddd';
import { isBlank } from './blank.js';
import {
  InvoiceAlreadyExistsError,
  InvoiceCannotBeAdjustedError,
  InvoiceCannotBeCanceledError,
  InvoiceCannotBePaidError,
  InvoiceErrorText,
} from './invoice.errors.js';
import { InvoiceEventName, type InvoiceEvent } from './invoice.events.js';
import { InvoiceStatus } from './invoice-status.js';

export interface CreateInvoiceProps {
  /** Defaults to the order id, as the reference does for invoices created from OrderReadied (§1.3, §3.6). */
  readonly id?: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
}

/** The persisted state, for a repository to store and to rebuild the aggregate from (`fromSnapshot`). */
export interface InvoiceSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly status: InvoiceStatus;
  /** Events persisted so far; a repository may use it for optimistic concurrency. */
  readonly version: number;
}

/**
 * The bill for an order that became ready (F03). Lifecycle pending → paid | canceled; only a pending invoice can be
 * paid, canceled or adjusted. Repeating a transition that already happened (pay a paid invoice, cancel a canceled
 * one, adjust to the current amount) is a no-op: no event, no change, no error, so redelivered messages and retried
 * requests never pay or publish twice (F08, requirements §3.2, §6.5).
 */
export class Invoice extends AggregateRoot {
  static readonly aggregateName = 'payments.Invoice';

  private constructor(
    id: string,
    readonly orderId: string,
    readonly paymentId: string,
    private currentAmount: Money,
    private currentStatus: InvoiceStatus,
    version: number,
  ) {
    super(id, version);
  }

  get aggregateName(): string {
    return Invoice.aggregateName;
  }

  get amount(): Money {
    return this.currentAmount;
  }

  get status(): InvoiceStatus {
    return this.currentStatus;
  }

  override get events(): readonly InvoiceEvent[] {
    return super.events as readonly InvoiceEvent[];
  }

  /**
   * CreateInvoice. The id defaults to the order id (the reference's choice, kept for compatibility): one invoice per
   * order, and a redelivered OrderReadied finds the invoice it already created. The order id and the payment id are
   * stored explicitly; the reference dropped the payment id (§14.4 #40). The amount may be zero (an order of
   * zero-priced products; stores only refuses negative prices) but not negative.
   */
  static create(props: CreateInvoiceProps): Invoice {
    const id = props.id ?? props.orderId;
    if (isBlank(id)) throw new InvalidArgumentError(InvoiceErrorText.IdBlank);
    if (isBlank(props.orderId)) throw new InvalidArgumentError(InvoiceErrorText.OrderIdBlank);
    if (isBlank(props.paymentId)) throw new InvalidArgumentError(InvoiceErrorText.PaymentIdBlank);
    if (props.amount.isNegative()) throw new InvalidArgumentError(InvoiceErrorText.AmountNegative);

    const invoice = new Invoice(id, props.orderId, props.paymentId, props.amount, InvoiceStatus.Pending, 0);
    invoice.addEvent(InvoiceEventName.InvoiceCreated, { orderId: props.orderId, paymentId: props.paymentId, amount: props.amount });
    return invoice;
  }

  static fromSnapshot(snapshot: InvoiceSnapshot): Invoice {
    return new Invoice(snapshot.id, snapshot.orderId, snapshot.paymentId, snapshot.amount, snapshot.status, snapshot.version);
  }

  toSnapshot(): InvoiceSnapshot {
    return {
      id: this.id,
      orderId: this.orderId,
      paymentId: this.paymentId,
      amount: this.currentAmount,
      status: this.currentStatus,
      version: this.version,
    };
  }

  /**
   * AdjustInvoice. The reference changed the amount whatever the status (§14.4 #38), so a paid invoice could be
   * re-priced after the fact; only a pending one can be adjusted here. The amount is checked first: a negative
   * amount is a bad request in every status.
   */
  adjust(amount: Money): void {
    if (amount.isNegative()) throw new InvalidArgumentError(InvoiceErrorText.AmountNegative);
    if (this.currentStatus !== InvoiceStatus.Pending) throw new InvoiceCannotBeAdjustedError(this.currentStatus);
    if (amount.equals(this.currentAmount)) return;

    this.currentAmount = amount;
    this.addEvent(InvoiceEventName.InvoiceAdjusted, { amount });
  }

  /**
   * PayInvoice: pending → paid, recording `payments.InvoicePaid`. The reference refused anything but pending with
   * "invoice cannot be paid for"; paying a paid invoice is now an idempotent repeat instead (F08), so a retried
   * request succeeds without a second InvoicePaid. A canceled invoice still cannot be paid for.
   */
  pay(): void {
    if (this.currentStatus === InvoiceStatus.Paid) return;
    if (this.currentStatus !== InvoiceStatus.Pending) throw new InvoiceCannotBePaidError(this.currentStatus);

    this.currentStatus = InvoiceStatus.Paid;
    this.addEvent(InvoiceEventName.InvoicePaid, { orderId: this.orderId, paymentId: this.paymentId, amount: this.currentAmount });
  }

  /**
   * CancelInvoice, e.g. when its order is canceled (§14.1 #5): pending → canceled. Canceling a canceled invoice is
   * an idempotent repeat (requirements §6.5); a paid invoice cannot be canceled (refunds are not modelled).
   */
  cancel(): void {
    if (this.currentStatus === InvoiceStatus.Canceled) return;
    if (this.currentStatus !== InvoiceStatus.Pending) throw new InvoiceCannotBeCanceledError(this.currentStatus);

    this.currentStatus = InvoiceStatus.Canceled;
    this.addEvent(InvoiceEventName.InvoiceCanceled, { orderId: this.orderId, paymentId: this.paymentId });
  }

  /**
   * Idempotent creation by id: creating again under this id for the same order and payment is a repeat (e.g. an
   * OrderReadied delivered twice) and has no further effect. The amount is not compared, because the invoice may
   * have been adjusted since; the stored invoice wins. Another order or payment under this id is refused.
   */
  assertRepeatOf(props: CreateInvoiceProps): void {
    const same = (props.id ?? props.orderId) === this.id && props.orderId === this.orderId && props.paymentId === this.paymentId;
    if (!same) throw new InvoiceAlreadyExistsError();
  }
}
