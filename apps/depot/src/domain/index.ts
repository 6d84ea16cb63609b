export { type Product, productOf, type Store, storeOf } from './catalog.values.js';
export { checkOrderLines, MAX_ORDER_LINES, type OrderLine } from './order-line.value.js';
export { type ResolvedLine, ShoppingList, type ShoppingListState } from './shopping-list.aggregate.js';
export { ShoppingListErrors, ShoppingListStatusError } from './shopping-list.errors.js';
export {
  type ShoppingListAssignedPayload,
  type ShoppingListCanceledPayload,
  ShoppingListEvent,
  type ShoppingListEventPayload,
} from './shopping-list.events.js';
export { isShoppingListStatus, type ShoppingListAction, type ShoppingListStatus, ShoppingListStatuses, ShoppingListTransitions } from './shopping-list-status.js';
export { type Stop, type StopItem, type Stops, withItem } from './stops.value.js';
