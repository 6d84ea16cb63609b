import { AggregateRoot } from '@mallbots/ddd';
import type { Product, Store } from './catalog.values.js';
import { checkOrderLines } from './order-line.value.js';
import { type ShoppingListAction, type ShoppingListStatus, ShoppingListTransitions } from './shopping-list-status.js';
import { ShoppingListErrors, ShoppingListStatusError } from './shopping-list.errors.js';
import { ShoppingListEvent } from './shopping-list.events.js';
import { type Stops, withItem } from './stops.value.js';

/** What the repository stores and reads back (a plain table, not event sourced: reference-behaviour §3.4). */
export interface ShoppingListState {
  readonly id: string;
  readonly orderId: string;
  readonly stops: Stops;
  readonly assignedBotId: string;
  readonly status: ShoppingListStatus;
  readonly version: number;
}

/** A line whose store and product the application has resolved (caches, then Stores). */
export interface ResolvedLine {
  readonly store: Store;
  readonly product: Product;
  readonly quantity: number;
}

/**
 * Everything a bot must collect for one order, grouped into one stop per store (G01, G05). Every status change goes
 * through the transition table in shopping-list-status.ts; a refused one throws ShoppingListStatusError and records
 * nothing. Unlike the reference, Initiate really makes the list available (§14.1 items 1–2), so lists can be
 * assigned and completed.
 */
export class ShoppingList extends AggregateRoot {
  private constructor(
    id: string,
    readonly orderId: string,
    private stops: Stops,
    private assignedBotId: string,
    private status: ShoppingListStatus,
    version: number,
  ) {
    super(id, version);
  }

  get aggregateName(): string {
    return 'depot.ShoppingList';
  }

  static create(id: string, orderId: string, lines: readonly ResolvedLine[]): ShoppingList {
    if (!id.trim()) throw ShoppingListErrors.idBlank();
    checkOrderLines(orderId, lines.map((l) => ({ productId: l.product.id, storeId: l.store.id, quantity: l.quantity })));
    const stops = lines.reduce<Stops>((acc, line) => withItem(acc, line.store, line.product, line.quantity), {});
    const list = new ShoppingList(id, orderId, stops, '', 'pending', 0);
    list.addEvent(ShoppingListEvent.Created, { id, orderId });
    return list;
  }

  static fromState(state: ShoppingListState): ShoppingList {
    return new ShoppingList(state.id, state.orderId, state.stops, state.assignedBotId, state.status, state.version);
  }

  toState(): ShoppingListState {
    return { id: this.id, orderId: this.orderId, stops: this.stops, assignedBotId: this.assignedBotId, status: this.status, version: this.pendingVersion };
  }

  /** The saga's compensation, or depot staff: the bot holding the list (if any) is named so it can be recalled (G07). */
  cancel(): void {
    // Cancelling twice is done, not refused: the saga re-sends its compensation after a timeout (with a new message
    // id), and a refusal there would park the saga as failed instead of rejecting the order.
    if (this.status === 'canceled') return;
    const assignedBotId = this.assignedBotId;
    this.transition('cancel');
    this.addEvent(ShoppingListEvent.Canceled, { id: this.id, orderId: this.orderId, assignedBotId });
  }

  /** The saga's InitiateShopping: the order is paid for, so the list becomes available to bots. */
  initiate(): void {
    this.transition('initiate');
    this.addEvent(ShoppingListEvent.Initiated, { id: this.id, orderId: this.orderId });
  }

  /** An available list goes to one bot (G04). */
  assign(botId: string): void {
    if (!botId.trim()) throw ShoppingListErrors.botIdBlank();
    this.transition('assign');
    this.assignedBotId = botId.trim();
    this.addEvent(ShoppingListEvent.Assigned, { id: this.id, orderId: this.orderId, botId: this.assignedBotId });
  }

  /** Depot staff decide that everything available was collected (G06). */
  complete(): void {
    this.transition('complete');
    this.addEvent(ShoppingListEvent.Completed, { id: this.id, orderId: this.orderId });
  }

  private transition(action: ShoppingListAction): void {
    const { from, to } = ShoppingListTransitions[action];
    if (!from.includes(this.status)) throw new ShoppingListStatusError(action, this.status);
    this.status = to;
  }
}
