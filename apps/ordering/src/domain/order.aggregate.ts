import type { Money } from '@mallbots/ddd';
import { EventSourcedAggregate, type Snapshot, type Snapshotter } from '@mallbots/es';
import { OrderItem, isBlank, totalOf, type OrderItemProps } from './order-item.value.js';
import { OrderStatus, canTransition, type OrderOperation } from './order-status.js';
import { OrderErrorMessages, OrderTransitionError, invalidOrder, orderAlreadyCreated } from './order.errors.js';
import {
  OrderApprovedEvent,
  OrderCanceledEvent,
  OrderCompletedEvent,
  OrderCreatedEvent,
  OrderReadiedEvent,
  OrderRejectedEvent,
  type OrderEvent,
} from './order.events.js';
import { fromOrderSnapshot, toOrderSnapshot, type OrderState } from './order.snapshot.js';

/** The aggregate (and stream) name, as in the reference. */
export const OrderAggregate = 'ordering.Order';

/** What a checked-out basket hands over. */
export interface CreateOrderDetails {
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: readonly OrderItemProps[];
}

/**
 * An order placed at a kiosk, from checkout to collection (requirements E01–E07). Event sourced: each method checks
 * its rule, then raises one event; `apply` is the only place the state changes, so a replay rebuilds exactly what
 * the methods produced. The id is the id of the basket it came from (reference-behaviour §1.3).
 *
 *   '' ─create→ pending ─approve→ approved ─ready→ ready ─complete→ completed
 *                 ├─reject→ rejected
 *                 └─cancel→ cancelled
 */
export class Order extends EventSourcedAggregate<OrderEvent> implements Snapshotter, OrderState {
  private _customerId = '';
  private _paymentId = '';
  private _shoppingId = '';
  private _invoiceId = '';
  private _items: readonly OrderItem[] = [];
  private _status: OrderStatus = OrderStatus.Unknown;

  /** An empty order to create, or to rebuild from its stream (the repository's factory). */
  constructor(id: string) {
    super(id);
  }

  get aggregateName(): string {
    return OrderAggregate;
  }

  get customerId(): string {
    return this._customerId;
  }

  get paymentId(): string {
    return this._paymentId;
  }

  /** The depot's shopping list, known once the saga approved the order; '' before. */
  get shoppingId(): string {
    return this._shoppingId;
  }

  /** The paid invoice, known once the order is completed; '' before. */
  get invoiceId(): string {
    return this._invoiceId;
  }

  get items(): readonly OrderItem[] {
    return this._items;
  }

  get status(): OrderStatus {
    return this._status;
  }

  /** Σ price × quantity, exact to the cent. */
  total(): Money {
    return totalOf(this._items);
  }

  /** A new pending order with this id. */
  static create(id: string, details: CreateOrderDetails): Order {
    const order = new Order(id);
    order.create(details);
    return order;
  }

  /**
   * Creates the order on an empty stream. Calling it on an order that exists fails, so a checkout that arrives twice
   * never creates a second order over the first. Checks run in the reference's order.
   */
  create(details: CreateOrderDetails): void {
    if (this._status !== OrderStatus.Unknown) throw orderAlreadyCreated(this._status);
    if (isBlank(this.id)) throw invalidOrder(OrderErrorMessages.blankOrderId, 'id');
    if (details.items.length === 0) throw invalidOrder(OrderErrorMessages.noItems, 'items');
    if (isBlank(details.customerId)) throw invalidOrder(OrderErrorMessages.blankCustomerId, 'customerId');
    if (isBlank(details.paymentId)) throw invalidOrder(OrderErrorMessages.blankPaymentId, 'paymentId');
    const items = details.items.map((item, index) => OrderItem.create(item, `items[${index}]`));
    this.raise(OrderCreatedEvent, { customerId: details.customerId, paymentId: details.paymentId, items, total: totalOf(items) });
  }

  /** The saga's last step: the shopping list `shoppingId` is with the depot and the payment is confirmed. */
  approve(shoppingId: string): void {
    this.assertCan('approve');
    if (isBlank(shoppingId)) throw invalidOrder(OrderErrorMessages.blankShoppingId, 'shoppingId');
    this.raise(OrderApprovedEvent, { customerId: this._customerId, paymentId: this._paymentId, shoppingId });
  }

  /** The saga's compensation: the customer, the shopping list or the payment failed. */
  reject(): void {
    this.assertCan('reject');
    this.raise(OrderRejectedEvent, { customerId: this._customerId, paymentId: this._paymentId });
  }

  /** The customer (kiosk) or an admin cancels; only while pending, see ORDER_TRANSITIONS. */
  cancel(): void {
    this.assertCan('cancel');
    this.raise(OrderCanceledEvent, { customerId: this._customerId, paymentId: this._paymentId });
  }

  /** The depot completed the shopping list: every item is collected and can be invoiced. */
  ready(): void {
    this.assertCan('ready');
    this.raise(OrderReadiedEvent, { customerId: this._customerId, paymentId: this._paymentId, total: this.total() });
  }

  /** The invoice `invoiceId` is paid (the reference never got here, reference-behaviour §14.1 item 4). */
  complete(invoiceId: string): void {
    this.assertCan('complete');
    if (isBlank(invoiceId)) throw invalidOrder(OrderErrorMessages.blankInvoiceId, 'invoiceId');
    this.raise(OrderCompletedEvent, { customerId: this._customerId, invoiceId });
  }

  toSnapshot(): Snapshot {
    return toOrderSnapshot(this);
  }

  applySnapshot(snapshot: Snapshot): void {
    const state = fromOrderSnapshot(snapshot);
    this._customerId = state.customerId;
    this._paymentId = state.paymentId;
    this._shoppingId = state.shoppingId;
    this._invoiceId = state.invoiceId;
    this._items = state.items;
    this._status = state.status;
  }

  // No checks here: an event is a fact that already passed them (and a stored one must replay forever, M04).
  protected apply(event: OrderEvent): void {
    switch (event.name) {
      case OrderCreatedEvent:
        this._customerId = event.payload.customerId;
        this._paymentId = event.payload.paymentId;
        this._items = [...event.payload.items];
        this._status = OrderStatus.Pending;
        return;
      case OrderApprovedEvent:
        this._shoppingId = event.payload.shoppingId;
        this._status = OrderStatus.Approved;
        return;
      case OrderRejectedEvent:
        this._status = OrderStatus.Rejected;
        return;
      case OrderCanceledEvent:
        this._status = OrderStatus.Cancelled;
        return;
      case OrderReadiedEvent:
        // Payments invoices a readied order under the order's own id (one invoice per order, requirements F03 and
        // §6.5), so from here on the order can name the invoice its customer pays. Payment confirms it on completion.
        this._invoiceId = this.id;
        this._status = OrderStatus.Ready;
        return;
      case OrderCompletedEvent:
        this._invoiceId = event.payload.invoiceId;
        this._status = OrderStatus.Completed;
        return;
      default:
        // Unreachable for typed events; a stored event of another type is a bug the registry should have caught.
        throw new Error(`ordering.Order cannot apply ${(event as { name: string }).name}`);
    }
  }

  private assertCan(operation: Exclude<OrderOperation, 'create'>): void {
    if (!canTransition(operation, this._status)) throw new OrderTransitionError(operation, this._status);
  }
}
