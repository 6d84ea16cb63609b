import type { DomainEvent } from '@mallbots/ddd';
import type { PayloadSerde } from '@mallbots/es';
import { BasketItem, type BasketItemJson } from './basket-item.value.js';

/** Event names of the Basket stream, exactly the reference's (reference-behaviour §3.2). */
export const BasketEventNames = {
  Started: 'baskets.BasketStarted',
  ItemAdded: 'baskets.BasketItemAdded',
  ItemRemoved: 'baskets.BasketItemRemoved',
  Canceled: 'baskets.BasketCanceled',
  CheckedOut: 'baskets.BasketCheckedOut',
} as const;

// Payloads hold what changed, never the basket id (it is the stream id, in the event metadata; M04).

export interface BasketStartedPayload {
  readonly customerId: string;
}

/** The line as added: `item.quantity` is the number of units added by this event, not the line's new quantity. */
export interface BasketItemAddedPayload {
  readonly item: BasketItem;
}

/** `quantity` is the number of units actually removed (never more than the line held). */
export interface BasketItemRemovedPayload {
  readonly productId: string;
  readonly quantity: number;
}

export type BasketCanceledPayload = Record<string, never>;

/**
 * Unlike the reference's `{PaymentID}`, the checkout carries the customer and the lines as checked out: checkout is
 * the hand-over from basket to order, and the `basketsapi.BasketCheckedOut` integration event (and so Ordering)
 * needs exactly these (requirement C12). Handlers can map the event alone, without reloading the basket.
 */
export interface BasketCheckedOutPayload {
  readonly customerId: string;
  readonly paymentId: string;
  readonly items: readonly BasketItem[];
}

export type BasketStarted = DomainEvent<BasketStartedPayload, typeof BasketEventNames.Started>;
export type BasketItemAdded = DomainEvent<BasketItemAddedPayload, typeof BasketEventNames.ItemAdded>;
export type BasketItemRemoved = DomainEvent<BasketItemRemovedPayload, typeof BasketEventNames.ItemRemoved>;
export type BasketCanceled = DomainEvent<BasketCanceledPayload, typeof BasketEventNames.Canceled>;
export type BasketCheckedOut = DomainEvent<BasketCheckedOutPayload, typeof BasketEventNames.CheckedOut>;

export type BasketEvent = BasketStarted | BasketItemAdded | BasketItemRemoved | BasketCanceled | BasketCheckedOut;

/*
 * Serdes for the payloads that hold lines: the default JSON serde would store them fine (through toJSON) but read
 * them back as plain objects with a number for the price. These rebuild BasketItem and Money, so a loaded event is
 * the same value the aggregate raised.
 */

export const basketItemAddedSerde: PayloadSerde<BasketItemAddedPayload> = {
  toJson: (payload) => ({ item: payload.item.toJSON() }),
  fromJson: (data) => ({ item: BasketItem.fromJson((data as { item: BasketItemJson }).item) }),
};

export const basketCheckedOutSerde: PayloadSerde<BasketCheckedOutPayload> = {
  toJson: (payload) => ({ customerId: payload.customerId, paymentId: payload.paymentId, items: payload.items.map((item) => item.toJSON()) }),
  fromJson: (data) => {
    const json = data as { customerId: string; paymentId: string; items: BasketItemJson[] };
    return { customerId: json.customerId, paymentId: json.paymentId, items: Object.freeze(json.items.map((item) => BasketItem.fromJson(item))) };
  },
};
