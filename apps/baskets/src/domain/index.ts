export { Basket, BasketAggregate } from './basket.aggregate.js';
export { BasketStatus } from './basket-status.value.js';
export { BasketItem, type BasketItemJson } from './basket-item.value.js';
export { Store } from './store.value.js';
export { Product } from './product.value.js';
export {
  BasketEventNames,
  type BasketEvent,
  type BasketStarted,
  type BasketStartedPayload,
  type BasketItemAdded,
  type BasketItemAddedPayload,
  type BasketItemRemoved,
  type BasketItemRemovedPayload,
  type BasketCanceled,
  type BasketCanceledPayload,
  type BasketCheckedOut,
  type BasketCheckedOutPayload,
} from './basket.events.js';
export { BasketSnapshotV1, type BasketV1 } from './basket.snapshot.js';
export { createBasketRegistry, registerBasketTypes } from './basket.registry.js';
export { BasketErrors } from './basket.errors.js';
