import { Money } from '@mallbots/ddd';
import { EventSourcedAggregate, type Snapshot, type Snapshotter } from '@mallbots/es';
import { assertItemQuantity, BasketItem } from './basket-item.value.js';
import { BasketErrors } from './basket.errors.js';
import { BasketEventNames, type BasketEvent } from './basket.events.js';
import { fromBasketSnapshot, toBasketSnapshot } from './basket.snapshot.js';
import { BasketStatus } from './basket-status.value.js';
import { isBlank } from './is-blank.js';
import type { Product } from './product.value.js';
import type { Store } from './store.value.js';

/** Aggregate (and event stream) name, the reference's `baskets.Basket`. */
export const BasketAggregate = 'baskets.Basket';

/**
 * A customer's kiosk basket (reference-behaviour §3.2, requirements C01–C11): started for a customer, filled with
 * products of the mall's stores while `open`, then either checked out with a pre-authorised payment or cancelled.
 *
 * Event sourced: every command validates, then raises one event; `apply` is the only place state changes, and it
 * must keep handling every event ever stored. A refused command throws before raising, so it records nothing and
 * changes nothing.
 */
export class Basket extends EventSourcedAggregate<BasketEvent> implements Snapshotter {
  private customer: string | undefined;
  private payment: string | undefined;
  private state: BasketStatus = BasketStatus.Unknown;
  // Keyed by product id (one line per product); a Map keeps lines in the order first added, where the reference's
  // Go map listed them in random order.
  private readonly lines = new Map<string, BasketItem>();

  /** An empty, not yet started basket: `Basket.start` for a new one, or the repository's factory before replay. */
  constructor(id: string) {
    super(id);
    if (isBlank(id)) throw BasketErrors.basketIdBlank();
  }

  get aggregateName(): string {
    return BasketAggregate;
  }

  /** Starts a new basket for a customer. */
  static start(id: string, customerId: string): Basket {
    const basket = new Basket(id);
    basket.start(customerId);
    return basket;
  }

  get customerId(): string | undefined {
    return this.customer;
  }

  /** Set by checkout only. */
  get paymentId(): string | undefined {
    return this.payment;
  }

  get status(): BasketStatus {
    return this.state;
  }

  /** The lines, in the order their products were first added. */
  get items(): readonly BasketItem[] {
    return [...this.lines.values()];
  }

  /** Σ price × quantity, exact; what the kiosk shows after every add or remove (C09). Zero once cancelled. */
  total(): Money {
    let total = Money.zero;
    for (const item of this.lines.values()) total = total.plus(item.total());
    return total;
  }

  /** Only a basket object that was never started can be; a started basket answers like any other change. */
  start(customerId: string): void {
    if (this.state !== BasketStatus.Unknown) throw BasketErrors.cannotBeModified();
    if (isBlank(customerId)) throw BasketErrors.customerIdBlank();
    this.raise(BasketEventNames.Started, Object.freeze({ customerId }));
  }

  /**
   * Adds `quantity` units of a product the application resolved (with its store). Adding a product already in the
   * basket adds to its line; the line keeps the names and price it was first added with, as in the reference.
   */
  addItem(store: Store, product: Product, quantity: number): void {
    this.assertOpen();
    const item = BasketItem.of(store, product, quantity);
    this.raise(BasketEventNames.ItemAdded, Object.freeze({ item }));
  }

  /**
   * Removes up to `quantity` units of a product; removing as many as the line holds (or more) removes the line.
   * A product that is not in the basket is a no-op without an event, as in the reference: a retried remove, or one
   * racing a cancel on another kiosk screen, is harmless. The event records the units actually removed, so it
   * states exactly what happened.
   */
  removeItem(productId: string, quantity: number): void {
    this.assertOpen();
    assertItemQuantity(quantity);
    const line = this.lines.get(productId);
    if (!line) return;
    this.raise(BasketEventNames.ItemRemoved, Object.freeze({ productId, quantity: Math.min(quantity, line.quantity) }));
  }

  /** Cancels an open basket and empties it. */
  cancel(): void {
    if (this.state !== BasketStatus.Open) throw BasketErrors.cannotBeCancelled();
    this.raise(BasketEventNames.Canceled, Object.freeze({}));
  }

  /**
   * Hands the basket over for ordering with the id of the payment the kiosk pre-authorised. Checks in the
   * reference's order: status, then items, then payment id.
   */
  checkout(paymentId: string): void {
    this.assertOpen();
    if (this.lines.size === 0) throw BasketErrors.noItems();
    if (isBlank(paymentId)) throw BasketErrors.paymentIdBlank();
    this.raise(BasketEventNames.CheckedOut, Object.freeze({ customerId: this.customer ?? '', paymentId, items: Object.freeze(this.items) }));
  }

  protected apply(event: BasketEvent): void {
    switch (event.name) {
      case BasketEventNames.Started:
        this.customer = event.payload.customerId;
        this.state = BasketStatus.Open;
        return;
      case BasketEventNames.ItemAdded:
        this.addLine(event.payload.item);
        return;
      case BasketEventNames.ItemRemoved:
        this.removeUnits(event.payload.productId, event.payload.quantity);
        return;
      case BasketEventNames.Canceled:
        this.lines.clear();
        this.state = BasketStatus.Canceled;
        return;
      case BasketEventNames.CheckedOut:
        this.payment = event.payload.paymentId;
        this.state = BasketStatus.CheckedOut;
        return;
      default:
        // Only reachable with a stored event this code does not know; the registry should have refused it on load.
        throw new Error(`${BasketAggregate}/${this.id}: cannot apply ${(event as { name: string }).name}`);
    }
  }

  toSnapshot(): Snapshot {
    return toBasketSnapshot({ customerId: this.customer, paymentId: this.payment, status: this.state, items: this.items });
  }

  applySnapshot(snapshot: Snapshot): void {
    const state = fromBasketSnapshot(snapshot);
    this.customer = state.customerId;
    this.payment = state.paymentId;
    this.state = state.status;
    this.lines.clear();
    for (const item of state.items) this.lines.set(item.productId, item);
  }

  private assertOpen(): void {
    if (this.state !== BasketStatus.Open) throw BasketErrors.cannotBeModified();
  }

  private addLine(item: BasketItem): void {
    const line = this.lines.get(item.productId);
    this.lines.set(item.productId, line ? line.withQuantity(line.quantity + item.quantity) : item);
  }

  /**
   * The line goes only when nothing is left. The reference deleted it when one unit or fewer would remain, so
   * removing 1 of 2 emptied the line (§14.4 item 37, requirements §6.8).
   */
  private removeUnits(productId: string, quantity: number): void {
    const line = this.lines.get(productId);
    if (!line) return;
    const remaining = line.quantity - quantity;
    if (remaining <= 0) this.lines.delete(productId);
    else this.lines.set(productId, line.withQuantity(remaining));
  }
}
