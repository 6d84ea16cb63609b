/**
 * The life of a shopping list (reference-behaviour §3.4, requirements §1.9):
 *
 *   pending ──initiate──▶ available ──assign(bot)──▶ assigned ──complete──▶ completed
 *      └──────────────┴──────────cancel─────────────────┴──(active)──▶ canceled
 *
 * The saga creates a list (pending) and, once the payment is confirmed, initiates it: only then can a bot take it.
 * `active` (a bot out shopping) is kept from the reference's vocabulary so stored data and clients stay compatible;
 * no operation leads there yet (bots report no progress), but a list in it can still be canceled.
 */
export const ShoppingListStatuses = ['pending', 'available', 'assigned', 'active', 'completed', 'canceled'] as const;
export type ShoppingListStatus = (typeof ShoppingListStatuses)[number];

export type ShoppingListAction = 'cancel' | 'initiate' | 'assign' | 'complete';

/** The one table of allowed transitions: which statuses each action starts from, and where it leads. */
export const ShoppingListTransitions: Readonly<Record<ShoppingListAction, { readonly from: readonly ShoppingListStatus[]; readonly to: ShoppingListStatus }>> = {
  cancel: { from: ['pending', 'available', 'assigned', 'active'], to: 'canceled' },
  initiate: { from: ['pending'], to: 'available' },
  assign: { from: ['available'], to: 'assigned' },
  complete: { from: ['assigned'], to: 'completed' },
};

export function isShoppingListStatus(value: unknown): value is ShoppingListStatus {
  return typeof value === 'string' && (ShoppingListStatuses as readonly string[]).includes(value);
}
