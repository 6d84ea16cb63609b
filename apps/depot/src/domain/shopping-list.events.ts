/** Domain events of the ShoppingList aggregate (reference-behaviour §3.4); in-process, inside the caller's transaction. */
export const ShoppingListEvent = {
  Created: 'depot.ShoppingListCreated',
  Canceled: 'depot.ShoppingListCanceled',
  Initiated: 'depot.ShoppingListInitiated',
  Assigned: 'depot.ShoppingListAssigned',
  Completed: 'depot.ShoppingListCompleted',
} as const;

/** Every event names the list and its order, so a handler never has to load the list again. */
export interface ShoppingListEventPayload {
  readonly id: string;
  readonly orderId: string;
}

export interface ShoppingListAssignedPayload extends ShoppingListEventPayload {
  readonly botId: string;
}

/** The bot that held the list ('' if none): cancelling an order must call that bot back to the depot (G07). */
export interface ShoppingListCanceledPayload extends ShoppingListEventPayload {
  readonly assignedBotId: string;
}
